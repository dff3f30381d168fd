/** The moves a drafted reply is made of, and the shape of a phrase book (data/phrases-*.ts). */
export const MOVE_KEYS = [
  'greetingEmail', 'greetingChat', 'signoffEmail', 'signoffEmailNoName', 'phoneOpen',
  'listen', 'listenEmail', 'listenPhoneNote',
  'thanks', 'empathySituation', 'empathy', 'apology', 'validate', 'weNext',
  'reformulate', 'reformulateNoPoints', 'requestRestated', 'checkUnderstanding', 'whereToStart',
  'empathyShort', 'clarifyGeneral', 'clarifyVague', 'clarifyDeflection', 'clarifyReference',
  'reassureWorry', 'reassureWe', 'reassureOffer', 'reassureNoOffer', 'urgentQuestion',
  'confirmUnderstood', 'optionsTwo', 'optionsMany', 'optionsOne', 'optionsNone', 'agreementQuestion',
  'agreed', 'agreedGeneric', 'steps', 'dateQuestion',
  'closeGlad', 'closeThanks', 'closeDoor',
  'boundary', 'boundaryContinue',
  'endAfterLimit', 'endThreat', 'endGeneric', 'handover', 'handoverGeneric', 'goodbye',
  'legalNoted', 'legalHandover', 'legalHandoverGeneric', 'legalDocuments',
  'holdTerms', 'holdTermsGeneric', 'holdNoMore', 'holdQuestion',
  'ownSlip', 'pause', 'callBackPhone', 'callBackWritten',
] as const;
export type MoveKey = (typeof MOVE_KEYS)[number];

/** Per move, its phrasings: `[formal|informal]` alternations and `{slot}` placeholders. */
export type PhraseBook = Readonly<Record<MoveKey, readonly string[]>>;
