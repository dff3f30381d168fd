/**
 * English phrasings of each move of a reply (same keys and syntax as phrases-fr.ts; the
 * `[formal|informal]` alternation only changes the register, as English has one "you").
 */
import type { PhraseBook } from '../draft-types.ts';

export const PHRASES_EN: PhraseBook = {
  greetingEmail: ['[Dear|Hi] {client},', '[Hello|Hi],'],
  greetingChat: ['Hi {client},', 'Hello,'],
  signoffEmail: [
    '[Kind regards|Best],\n{agent}',
    '[Best wishes|Cheers],\n{agent}',
    '[Yours sincerely|All the best],\n{agent}',
  ],
  signoffEmailNoName: ['[Kind regards|Best],', '[Best wishes|All the best],'],
  phoneOpen: ['(Pause, breathe, then speak slowly.)'],

  listen: [
    'I’m listening: take your time and tell me everything, I’m noting each point.',
    'Go ahead, I’ll hear you out fully before I reply.',
    'I won’t interrupt: tell me the whole story, I’m taking notes as you go.',
  ],
  listenEmail: [
    'Thank you for your message; I’m reading it carefully. If anything else comes to mind, please add it: I’d like the full picture before I reply in detail.',
    'I’ve received your message and I’m taking the time to read all of it. If something is missing, do send it over, I’d rather have everything before I answer.',
  ],
  listenPhoneNote: ['(Don’t explain yourself yet. Let them finish, then use their own words.)'],

  thanks: [
    'Thank you for explaining the situation so clearly.',
    'Thank you for taking the time to tell us about this.',
    'Thanks for your feedback, it really helps us.',
    'Thank you for letting us know what happened.',
  ],
  empathySituation: [
    'You’re telling me that {situation}: I understand how frustrating that is.',
    'I can see what this means for you: {situation}.',
    'I understand your {feeling}: {situation}, and that is not what you expected.',
  ],
  empathy: [
    'I understand how frustrating this situation is for you.',
    'I can see how much this has upset you.',
    'I understand your {feeling}, and thank you for telling us.',
  ],
  apology: ['I’m sorry for the trouble this has caused.', 'I sincerely regret what happened.'],
  validate: [
    'What you feel is completely understandable, and we will take it into account.',
    'Your reaction makes complete sense.',
  ],
  weNext: [
    'Let’s look together at what we can do.',
    'Let’s work out together how to move forward from here.',
    'What can we do together to make things go better from now on?',
  ],

  reformulate: [
    'Just to check I’ve got it right: {points}.',
    'If I’ve understood correctly: {points}.',
    'To recap, and make sure I haven’t missed anything: {points}.',
  ],
  reformulateNoPoints: [
    'So that I understand you properly, could you tell me in one sentence what is bothering you most today?',
  ],
  requestRestated: ['You would like {request}.', 'What you’re asking for is {request}.'],
  checkUnderstanding: [
    'Is that right?',
    'Have I got that right, or would you like to add anything?',
    'Is that a fair summary?',
  ],
  whereToStart: [
    'Which point would you like us to start with?',
    'We can take them one at a time: which is most urgent for you?',
  ],

  empathyShort: [
    'I understand this is frustrating.',
    'I can hear that this is weighing on you, and that’s understandable.',
    'I hear that you’re unhappy with this.',
  ],
  clarifyGeneral: [
    'Let’s look together at the most recent case: what happened exactly, and when?',
    'Could you give me one specific example, with the date, so that I can check it?',
    'To act on this properly I need a specific case: could you describe the last time it happened?',
  ],
  clarifyVague: [
    'So that I can put right what isn’t working, could you tell me exactly what the problem is?',
    'What isn’t working for you, specifically? One or two examples would help a lot.',
    'Could you point me to the parts that are a problem, so that we can go over them?',
  ],
  clarifyDeflection: [
    'That’s a fair question, and it’s exactly to answer it that I need this detail.',
    'I understand this has gone on far too long. To act on it, this detail really helps me.',
  ],
  clarifyReference: [
    'Do you have an order or case number you could give me?',
    'Could you give me your reference, so that I can find your file straight away?',
  ],

  reassureWorry: [
    'I understand your worry, and you don’t have to deal with this on your own.',
    'I can see how stressful this is for you.',
    'I can see that this is urgent for you, and I’m treating it that way.',
  ],
  reassureWe: [
    'We’ll take this one step at a time, together.',
    'Let’s see together what we can do right now.',
    'Let’s take it step by step: I’m working on your case with you.',
  ],
  reassureOffer: ['Here is what I can offer you straight away: {offers}.'],
  reassureNoOffer: [
    'I’m checking right now what is possible on my side, and I’ll tell you honestly what can be done.',
    'I’ll start by checking your file, and then tell you what we can do.',
  ],
  urgentQuestion: [
    'What is most urgent for you right now?',
    'Could you tell me what absolutely has to be sorted first?',
  ],

  confirmUnderstood: [
    'Thank you for the details, that’s clear to me now.',
    'Thanks, I can see exactly what the issue is.',
    'Noted, thank you.',
  ],
  optionsTwo: [
    'I can offer you either {offer1} or {offer2}.',
    'There are two options: I can offer you {offer1}, or {offer2}.',
  ],
  optionsMany: ['Here is what I can offer you: {offers}.'],
  optionsOne: ['I can offer you {offer1}.', 'What I can do is {offer1}.'],
  optionsNoneRequest: [
    'You’re asking for {request}: I’m checking right now what is possible and I’ll give you an honest answer. Does that work for you?',
    'I’ve noted your request for {request}. I’m looking at what I can do and I’ll tell you honestly what is possible. Is that okay with you?',
  ],
  optionsNone: [
    'I’m looking at the possible solutions on my side; tell me too what would seem fair to you, and I’ll tell you honestly what can be done.',
    'Let’s look at the options together: what would feel like a good outcome to you?',
  ],
  agreementQuestion: [
    'What do you think?',
    'Which would you prefer?',
    'Let’s choose together: which would you prefer?',
  ],

  agreed: [
    'That’s agreed, then: we’ll go with {choice}.',
    'Great, we’ll go ahead with {choice}.',
    'Very good: {choice} it is.',
  ],
  agreedVerb: ['That’s agreed: I’ll go ahead and {choiceVerb}.', 'Great, I’ll {choiceVerb}, then.'],
  agreedGeneric: ['That’s agreed, then: we’ll go with this solution.', 'Great, we’ll go ahead as agreed.'],
  steps: [
    'I’m setting it in motion on my side and I’ll confirm in writing what we’ve agreed.',
    'I’m dealing with it now and I’ll send you a summary of the next steps.',
  ],
  dateQuestion: [
    'Could you suggest a few times that suit you, so that we can book the next step together?',
    'Shall we fix the next step now? Which day would you prefer?',
    'Would it work for you if I propose a date in writing by the end of the day?',
  ],

  closeGlad: [
    'That’s great news that everything is back to normal.',
    'That’s very good news, thank you for confirming.',
    'I’m glad it’s all working again.',
  ],
  closeThanks: [
    'Thank you for your feedback: it helps us improve.',
    'Thanks again for taking the time to write to us.',
    'Thank you for your patience throughout.',
  ],
  closeDoor: [
    'Don’t hesitate to get back to us if you need anything.',
    'We’re here if you need anything else.',
    'We look forward to seeing you again.',
  ],

  boundary: [
    'I’m here to help you, but I can’t accept that language.',
    'Those words are not acceptable. I’m still here to deal with your request, with mutual respect.',
    'I’m glad to help, provided we keep this respectful: that language is not acceptable.',
  ],
  boundaryContinue: [
    'If you’re happy to, let’s get back to your request.',
    'Shall we pick up where we were?',
    'Let’s go back to what brought you here.',
  ],

  endAfterLimit: [
    'As I said, that language is not acceptable, so I’m ending our conversation here.',
    'I asked you to keep this respectful, so I’m going to end this conversation here.',
  ],
  endThreat: [
    'Threats are not acceptable: I’m ending this conversation.',
    'After a threat, I’m going to end this conversation.',
  ],
  endGeneric: [
    'I can’t continue under these conditions, so I’m going to end this conversation.',
    'Under these conditions, I’m going to end our conversation here.',
  ],
  handover: [
    'I’m passing your file to {supervisor}, who will decide on the next steps.',
    '{supervisor} will review your file and decide what happens next.',
  ],
  handoverGeneric: [
    'I’m passing your file to my manager, who will decide on the next steps.',
    'My manager will review your file and decide what happens next.',
  ],
  goodbye: ['Goodbye.', 'I wish you a good rest of the day.'],

  legalNoted: [
    'I’ve noted your intention to take formal action.',
    'I acknowledge that you wish to take this further; that is your right.',
  ],
  legalHandover: [
    'I’m passing your file to {supervisor}, who will reply to you in writing.',
    '{supervisor} will review your file and reply to you in writing.',
  ],
  legalHandoverGeneric: [
    'I’m passing your file to my manager and the relevant team, who will reply to you in writing.',
    'Your file is going to my manager, who will reply to you in writing.',
  ],
  legalDocuments: [
    'Would you like me to add the documents you have to the file: dates, correspondence, receipts?',
    'Shall I add anything relevant you have (dates, letters, photos) to the file?',
  ],

  holdTerms: [
    'To be clear, what I offered still stands: {concession}',
    'I’m keeping to what I offered: {concession}',
  ],
  holdTermsGeneric: [
    'To be clear, what we agreed still stands, and that is what I can offer.',
    'I’m keeping to what we agreed; I can’t go further than that.',
  ],
  holdNoMore: [
    'Anything beyond that is a new request: I can send you a separate, costed proposal.',
    'I can’t go further on this point; any addition can be quoted separately.',
  ],
  holdQuestion: [
    'Would you like us to go back over what was agreed at the start?',
    'Shall I send you a summary of what is included, so that we start again on a clear basis?',
  ],

  ownSlip: ['I apologise for my earlier reply, it wasn’t right.', 'I’m sorry for the tone of my last reply.'],
  pause: [
    'I’d rather be honest: I want to give you a proper answer on each point, and I need a moment to prepare it.',
    'To do this properly, I need to go through each point carefully before I reply.',
  ],
  callBackPhone: [
    'Could I call you back a little later? Would that work for you?',
    'Would you be happy for me to call you back later today? Does that suit you?',
  ],
  callBackWritten: [
    'I’ll come back to you in writing with an answer to each point. Does that work for you?',
    'Would you be happy for me to reply point by point a little later? Does that suit you?',
  ],
};
