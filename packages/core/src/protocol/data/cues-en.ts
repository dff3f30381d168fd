/**
 * English cue phrases the protocol reads from the conversation's structure. Same shape and
 * matching as cues-fr.ts (normalised text, word-bounded alternations).
 */
import type { CueTable } from '../cue-types.ts';

export const CUES_EN: CueTable = {
  accept: {
    patterns: [
      'ok(?:ay)?',
      'sounds (?:good|great|fine|fair)',
      'that (?:works|suits me|sounds fine)',
      'fine by me',
      "let'?s (?:do|go with) (?:that|it|this|the)",
      'deal',
      "i'?ll (?:take|go (?:for|with))",
      'go ahead',
      'yes,? please',
      'agreed',
      "that'?s (?:fine|fair|reasonable|acceptable)",
      'i accept',
      'happy with that',
      'fine(?= *[,.!]| by| with| then)',
      "(?:that'?ll|that will) be (?:fine|great|perfect)",
      'yes,? (?:the|a|that|this) ',
      'go (?:for|with) (?:the|a|that|this)',
      'please do',
      'that would be (?:great|perfect|lovely|fine)',
      "i'?d like that",
    ],
    allow: ['not ok', "(?:don'?t|do not) agree", 'no deal', 'ok,? but', '(?:the|of|a|big|good) deal'],
  },
  thanks: {
    patterns: ['thanks', 'thank you', 'cheers', 'much appreciated', 'many thanks'],
    allow: ['thanks for nothing', 'no thanks'],
  },
  resolved: {
    patterns: [
      "(?:it|that)(?:'?s| is) (?:working|fixed|sorted|resolved|perfect|lovely|great)",
      '(?:it|that) works(?: now| again)?',
      'working (?:now|again)',
      '(?:all )?sorted',
      'all good',
      "(?:i'?ve|we'?ve|i have|we have) (?:got|received)",
      'problem solved',
      'perfect',
      'lovely',
      'thanks for (?:explaining|the explanation|the info|the information|your time|clarifying|the update)',
      'that makes sense,? thanks',
      'all clear',
      'for sorting (?:it|this|that)',
      "we'?ll (?:be back|come back)",
      "i'?ll (?:be back|come back)",
    ],
    allow: ["(?:not|isn'?t|still not) (?:working|fixed|sorted)"],
  },
  finished: {
    patterns: [
      'i just (?:wanted|want) (?:to|you)',
      "that'?s (?:all|it)(?: really)?(?= *[.!,]|$)",
      'anyway',
      'sorry (?:for|about) (?:ranting|getting worked up|the rant)',
      "i (?:don'?t|do not) (?:want|need) anything",
      "i'?m not asking for anything",
      'just wanted you to know',
      'i (?:just )?feel let down',
    ],
  },
  confirm: {
    patterns: [
      '(?<=^|[.!?] )(?:yes|yeah|yep)',
      "that'?s (?:right|correct|it|exactly it)",
      'exactly',
      'correct',
      'spot on',
      'precisely',
      "you'?ve got it",
    ],
  },
  asksRemedy: {
    patterns: [
      'what (?:can|are|will) you (?:do|going to do)',
      'what do you (?:suggest|propose)',
      "i'?d like (?:the|a|my|it|you|them|to)",
      'i want (?:the|a|my|it|you|them)',
      '(?:can|could|would) you (?:please )?(?:fix|refund|replace|sort|send|resend|redeliver|repair|redo|exchange|correct)',
      'please (?:fix|refund|replace|send|resend|repair|redo|exchange|correct)',
    ],
  },
  logistics: {
    patterns: ['when', 'how do we', 'what happens next', 'next step', 'what time', 'which day'],
  },
  confusion: {
    patterns: [
      "i'?m not sure",
      "i (?:don'?t|do not) (?:know|understand) (?:if|whether|which|what)",
      'confused',
      'and also',
      'not sure (?:if|whether)',
      'maybe',
      'i think',
    ],
  },
  counted: {
    patterns: [
      '(?:several|two|three|four|five|a few|2|3|4|5) (?:issues|problems|things|questions|points|errors|faults)',
    ],
  },
  vague: {
    patterns: [
      '(?:is|was|were|are) (?:really |very |just |so )?(?:rude|bad|terrible|awful|poor|useless|rubbish|unacceptable|unprofessional|disappointing|not good enough|a mess|a joke)',
      'not good enough',
      "(?:we|i|my team) (?:don'?t|do not) want (?:it|that)",
    ],
  },
  overwhelmed: {
    patterns: [
      'i need a (?:moment|minute|second|break)',
      "i'?m (?:a bit |completely |totally |really )?(?:lost|overwhelmed|confused|struggling)",
      "i (?:don'?t|do not) know what (?:to say|to tell you|to do)",
      'give me a (?:moment|second|minute)',
      "(?:this|it)(?:'s| is) too much",
      "it'?s been a (?:long|hard|tough|difficult) day",
      "i'?m (?:getting|a bit) (?:confused|lost|mixed up)",
      'hold on',
      'bear with me',
      "i'?m not following",
      "i'?m (?:a bit )?flustered",
      'let me (?:gather|collect) my thoughts',
      "i'?m not sure what to say",
      'struggling to keep up',
      'my head is spinning',
      "(?:this|that)(?:'s| is) a lot",
      '(?<=^|[.!?] )(?:um|erm|uh)',
    ],
  },
  boundary: {
    patterns: [
      "i (?:won'?t|will not|can'?t|cannot|am not going to) (?:accept|tolerate)",
      "(?:is|isn'?t|is not) acceptable",
      'not acceptable',
      "please (?:don'?t|do not) (?:speak|talk|use|call)",
      "i (?:won'?t|will not) continue",
      'keep (?:this|it) (?:civil|respectful)',
      'that language',
      'name-calling',
    ],
  },
  offer: {
    patterns: [
      'i (?:can|could) (?:offer|give|refund|replace|add|send|arrange)',
      'i (?:can|could) (?!help|tell|ask|understand|see|hear|imagine|assure)[a-z]+ you (?:on|onto|in|into|to|a|an|the|for)',
      "i'?m happy to (?:add|offer|refund|replace|send|give)",
      'free of charge',
      "i'?ve (?:moved|refunded|replaced|reset|fixed|upgraded|credited)",
      "i'?ll (?:refund|replace|send you|credit|add)",
      'we (?:can|could) offer',
      'either .{3,80} or',
      'a (?:discount|refund|replacement|credit|voucher) of',
    ],
  },
  listening: {
    patterns: [
      "i'?m listening",
      'take your time',
      'go on',
      'tell me (?:more|everything|what happened)',
      'go ahead',
    ],
  },
  investigating: {
    patterns: ["i'?ll (?:check|look)", 'let me (?:check|look)', 'looking into', "i'?m checking"],
  },
  commitment: {
    patterns: [
      "i'?ll (?:\\p{L}+)",
      'i will (?:\\p{L}+)',
      'by (?:tomorrow|tonight|monday|tuesday|wednesday|thursday|friday|saturday|sunday|the end)',
      'tomorrow',
      '(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)',
      'within (?:the hour|24 hours|[0-9]+)',
    ],
  },
};
