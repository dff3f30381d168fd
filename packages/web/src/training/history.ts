/**
 * The server side of training: each finished session is sent as its seed and the trainee's
 * replies (the server replays it with the same core to score it, so scores cannot be forged),
 * and the trainee's own history is read back. Missing server routes degrade to « unavailable ».
 */
import type { Lang, PersonaId, TraineeReply } from '@sangfroid/core';
import { api } from '../api/client.ts';
import { API } from '../session.tsx';

export interface SessionRecord {
  readonly id: string;
  readonly persona: PersonaId;
  readonly lang: Lang;
  readonly scenario: number;
  readonly seed: number;
  readonly outcome: string;
  readonly overall: number;
  readonly skills: Readonly<Record<string, number>>;
  readonly createdAt: string;
}

export interface SessionUpload {
  readonly persona: PersonaId;
  readonly lang: Lang;
  readonly scenario: number;
  readonly seed: number;
  readonly replies: readonly TraineeReply[];
}

export function saveSession(upload: SessionUpload): Promise<SessionRecord> {
  return api.post<SessionRecord>(`${API}/training/sessions`, upload);
}

export async function mySessions(): Promise<readonly SessionRecord[]> {
  const page = await api.get<{ items: readonly SessionRecord[] }>(`${API}/training/sessions`, { mine: true });
  return page.items;
}

export interface Progress {
  readonly sessions: number;
  readonly perWeek: readonly {
    readonly weekStart: string;
    readonly sessions: number;
    readonly averageScore: number | null;
  }[];
  readonly skills: Readonly<Record<string, number | null>>;
}

export function myProgress(): Promise<Progress> {
  return api.get<Progress>(`${API}/training/progress`, { mine: true });
}
