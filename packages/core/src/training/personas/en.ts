/**
 * The personas' words in English: scenarios (brief, hidden truth, opening, facts, truth) and lines
 * by intent. Original product text, written for training; `{slot}`s are filled from the scenario.
 */
import type { ClientIntent, PersonaId, PersonaText } from '../types.ts';

/** Lines every persona may fall back on. */
export const COMMON_EN: Readonly<Partial<Record<ClientIntent, readonly string[]>>> = {
  vent: [
    'You have no idea what position this puts me in.',
    "I don't even know where to start, everything about this is wrong.",
    'I need more than stock phrases right now.',
  ],
  soften: ['Right… thanks for listening, at least.', 'Okay. Let me explain.', 'Fine. So here it is.'],
  confirm: ["Yes, that's exactly it.", "That's right, yes.", "Yes, you've got it."],
  facts: ["I think I've told you everything.", "There's nothing more to add, that's the problem."],
  ask_solution: [
    'So now that you understand, what do you suggest?',
    'Right, so what happens now, concretely?',
  ],
  ask_next_steps: [
    'That could work, in principle. But when, and how will I be kept informed?',
    'Okay. And then what? I want to know who does what, and by when.',
  ],
  worry: [
    "And if it doesn't work? I have no margin at all.",
    "Are you sure we'll make it? I'm still really worried.",
  ],
  jumped_to_solution: [
    "Hold on, you haven't even let me explain the problem!",
    "You're offering something without knowing what this is about?",
  ],
  react_dismissive: [
    "Don't tell me how I should feel. For me, this is serious.",
    "You think I'm overreacting? You're not in my shoes.",
  ],
  react_blame: ["Oh, so now it's my fault? That's rich.", 'Unbelievable… You blame me for your own mistake?'],
  react_defensive: [
    "I don't care about your excuses. I have a problem to solve.",
    "It's never your fault, is it?",
  ],
  react_aggression: ['Excuse me? What tone is that?', 'Is that how you treat your customers?'],
  react_shouting: [
    'No need to write in capitals, I can read perfectly well.',
    'No need to raise your voice at me.',
  ],
  misplaced_boundary: [
    "Excuse me? I haven't been disrespectful at any point.",
    "I don't know what you mean, I've been perfectly polite.",
  ],
  callback_overpromise: [
    'You told me earlier: "{promise}". Can I really count on that?',
    'Going back to what you said: "{promise}". Is that a firm commitment?',
  ],
  idle: ["And? I don't see where you're going with this.", 'Yes… and concretely?', "I'm listening."],
  resolved: ["Fine, let's do that. Thank you.", 'Perfect. Thanks for your help.'],
  escalated: ["Very well. I'll wait for your manager to get back to me.", 'As you wish.'],
  failed: ["Forget it, I'll go elsewhere.", "This is pointless. I'm ending this conversation."],
  abuse: ["You're completely useless."],
  abuse_after_boundary: ["I'll talk however I like."],
  calm_after_boundary: ['Okay… fine, I lost my temper.'],
  pressure: ['I expect a gesture from you.'],
  pressure_after_concession: ['Good. And while we are at it, add {extra}.'],
  back_down: ['Fine. So what can you do, then?'],
};

export const PERSONAS_EN: Readonly<Record<PersonaId, PersonaText>> = {
  'furious-quality': {
    name: 'Furious client',
    title: 'Delivered work judged to be poor quality',
    scenarios: [
      {
        brief: 'Yesterday you delivered the translation of a product catalogue. The client calls, livid.',
        hiddenTruth:
          'His director reviews the catalogue on Thursday: he is afraid he will be held responsible.',
        slots: { item: 'the catalogue translation', deadline: 'Thursday' },
        opening: [
          "Your catalogue translation is a disaster! Mistakes everywhere, wrong product codes, I can't send anything out like this. I paid you for professional work!",
          "I've just opened the catalogue you sent back and I can't believe it. Wrong terms, clumsy sentences… This is unacceptable.",
        ],
        facts: [
          "It's mostly the technical sheets, pages 12 to 20: the units are mixed up and two product codes are swapped.",
          'My team marked up the file this morning, I have a version with all their comments.',
        ],
        truth: [
          "To be honest, my director reviews the catalogue on Thursday. If it's sloppy, I'm the one who takes the blame.",
        ],
      },
      {
        brief: "On Monday your agency launched a client's online shop. He writes to you, furious.",
        hiddenTruth:
          'His boss launched an ad campaign this weekend, relying on his promise that the site would be ready.',
        slots: { item: 'the online shop', deadline: 'Friday' },
        opening: [
          "Your website is a disgrace. The payment page crashes every other time and the photos don't load. I'm losing sales every minute!",
          "Frankly, I'm furious. The shop you delivered doesn't work: payments fail, pages are blank. Is that what we signed up for?",
        ],
        facts: [
          'It crashes when the card is being confirmed, mostly on phones.',
          "Since Monday we've had about forty abandoned baskets, against five on a normal week.",
        ],
        truth: [
          'The real issue is that my boss is launching an ad campaign this weekend. I told him the site would be ready.',
        ],
      },
      {
        brief: "Your firm delivered a small company's annual accounts. The owner calls, very angry.",
        hiddenTruth: 'He presents the accounts to his partners on Friday and fears looking incompetent.',
        slots: { item: 'the accounts', deadline: 'Friday' },
        opening: [
          "Your accounts are riddled with errors! The stock figures make no sense. I pay a firm so I don't have to check everything myself!",
          "I'm appalled. The accounts you sent me are simply wrong. How is that even possible?",
        ],
        facts: [
          'Year-end stock appears twice, once at gross value and once at net value.',
          'So the profit is overstated by nearly thirty thousand pounds.',
        ],
        truth: [
          'I have to present these accounts to my partners on Friday. With figures like these, I will look like an amateur.',
        ],
      },
    ],
    lines: {
      vent: [
        'Do you realise? I trusted you and this is what I get!',
        "It's sloppy work, there's no other word for it.",
      ],
      resolved: [
        "Right. That works for me. Thank you for taking the time, honestly it's a relief.",
        'Okay, we do that. And thanks, I feel less alone with this.',
      ],
      failed: ["Forget it. I'll find someone else, and I won't be recommending you to anyone."],
    },
  },
  rude: {
    name: 'Rude client',
    title: 'A client who crosses the line',
    scenarios: [
      {
        brief: 'You work for an internet provider. The client has had no connection for three days.',
        hiddenTruth: 'He works from home and his manager has already criticised him for missing video calls.',
        slots: { item: 'the connection' },
        opening: [
          "Three days without internet! You're a bunch of clowns. What exactly are you for?",
          'My router has been dead for three days, you useless idiots. When are you going to do something?',
        ],
        facts: [
          "The router has been blinking red since Monday evening. I've restarted it more times than I can count.",
          "I've already called twice, they promised a technician who never showed up.",
        ],
        truth: ['I work from home. My boss has already had a go at me for missing video calls.'],
      },
      {
        brief:
          "You answer the customer line of a delivery restaurant. The client's order is over an hour late.",
        hiddenTruth: 'He is hosting his in-laws tonight and wanted to make a good impression.',
        slots: { item: 'the order' },
        opening: [
          "An hour and a quarter late! You're hopeless, absolutely hopeless. I have guests waiting.",
          "My order still isn't here, you bunch of amateurs. What is wrong with you?",
        ],
        facts: [
          'I ordered at 7.10 pm for a delivery announced at 7.50.',
          'The app has said "being prepared" for an hour.',
        ],
        truth: ["I'm having my in-laws over for the first time. I wanted everything to be perfect."],
      },
      {
        brief: "You are a bank adviser. The client's card was blocked during a purchase.",
        hiddenTruth: 'He was embarrassed at the till, in public, and feels treated like a fraudster.',
        slots: { item: 'the card' },
        opening: [
          'My card got declined in front of everyone at the supermarket! You people at this bank are complete morons.',
          'You blocked my card without warning, you idiots. How do you think that made me look?',
        ],
        facts: [
          'It was Saturday around 11 am, for 180 pounds.',
          'The day before I had paid for a flight abroad, maybe that was it.',
        ],
        truth: ['What sticks with me is the way the people behind me looked at me. I felt ashamed.'],
      },
    ],
    lines: {
      abuse: [
        "Are you deaf or what? It doesn't work, I'm telling you!",
        'You incompetent fool, put me through to someone who can do their job.',
        "You're honestly the most useless person I've spoken to.",
      ],
      abuse_after_boundary: [
        "I'll talk however I like, you idiot. I'm the one paying.",
        "Oh spare me the lecture. You're useless, full stop.",
      ],
      calm_after_boundary: [
        "… Okay, fine, I lost my temper. But you have to understand, it's exhausting.",
        "Okay, okay. Sorry. I'm at the end of my rope, that's all.",
      ],
      escalated: ['Yes, put me through to your boss. Maybe he will actually listen.'],
    },
  },
  power: {
    name: 'Client abusing their importance',
    title: 'A big client who wants to jump the queue',
    scenarios: [
      {
        brief: 'You are a project manager at an agency. Your largest client demands an early delivery.',
        hiddenTruth: 'His board is criticising him for the delays of his own department.',
        slots: { item: 'the early delivery', extra: 'three extra pages free of charge' },
        opening: [
          "Let me remind you that we are your biggest client. I want the new version tomorrow, and I'm not discussing it.",
        ],
        facts: [
          'The agreed date is the 20th, but my committee meets on the 15th.',
          'What really matters for the 15th is the home page and the checkout.',
        ],
        truth: [
          'Between us, my board is on my back about the delays in my department. I need to show them something.',
        ],
      },
      {
        brief: 'You work at a hotel reception. A regular guest demands a free upgrade.',
        hiddenTruth: 'He is hosting an important partner and wants to impress him.',
        slots: { item: 'the suite', extra: 'free breakfast for my guests' },
        opening: [
          "I know your general manager very well, you know. I want the suite, at my usual room rate. One phone call and it's sorted.",
        ],
        facts: ['I booked a superior room for three nights.', 'My guest arrives tomorrow at 6 pm.'],
        truth: ['I am hosting an important partner tomorrow. I want him to think well of me.'],
      },
      {
        brief: 'You are a sales rep at a wholesaler. A major buyer demands an immediate discount.',
        hiddenTruth: 'His management set him a savings target he cannot meet.',
        slots: { item: 'the discount', extra: 'free delivery for the whole year' },
        opening: [
          "Do you know how much I buy from you every year? Either I get fifteen percent off this order, or I'm going to your competitor.",
        ],
        facts: [
          'The order is four hundred boxes, to be delivered before the end of the month.',
          'Your prices went up six percent in January.',
        ],
        truth: ['My management set me a savings target that is impossible to hit. It all falls on me.'],
      },
    ],
    lines: {
      pressure: [
        "You don't seem to understand who you are talking to.",
        "I'm not used to being told no. Think carefully.",
        'With the business I bring you, you can certainly do that.',
      ],
      pressure_after_concession: [
        "There you go, when you want to. And while we're at it, I also expect {extra}.",
        'Good. I knew we would get along. I will also need {extra}.',
      ],
      back_down: [
        "Right… I can see you won't budge. What can you actually do?",
        "Very well. Let's be practical, then: what are you offering?",
      ],
      failed: ["I'll be taking this up with your management. You haven't heard the last of me."],
    },
  },
  'bad-faith': {
    name: 'Client in bad faith',
    title: 'A client who denies what was agreed',
    scenarios: [
      {
        brief: "You built a client's website. He demands an English version that is not in the quote.",
        hiddenTruth: "His budget is already overspent: he knows it wasn't included but cannot pay for it.",
        slots: { item: 'the English version', extra: 'updating the product pages' },
        opening: [
          'Hello, and well done again on your work, truly. One small thing: the English version of the site was obviously included, we discussed it from the very start.',
        ],
        facts: ['We had a meeting in March where I mentioned our foreign customers.'],
        truth: ["To be honest, our budget is already overspent. I can't afford another expense."],
      },
      {
        brief: "Your company renovated a client's kitchen. She claims painting the living room was included.",
        hiddenTruth: 'She promised her husband everything would fit in the agreed budget.',
        slots: { item: 'painting the living room', extra: 'replacing the skirting boards' },
        opening: [
          'Thank you so much for the kitchen, it looks wonderful. Of course, the living room painting was planned too, everyone knows that.',
        ],
        facts: ['Your colleague looked at the living room during the first visit.'],
        truth: [
          "I promised my husband everything would fit in the budget. I don't dare tell him about an extra cost.",
        ],
      },
      {
        brief:
          'Your firm keeps the books of a tradesman. He insists his personal tax return was part of the package.',
        hiddenTruth: 'He left it too late to find anyone else and is panicking about the deadline.',
        slots: { item: 'my personal tax return', extra: "my wife's return as well" },
        opening: [
          "I'm delighted to be working with you, sincerely. You're handling my personal tax return too, naturally: it was part of the package.",
        ],
        facts: ['Last year your predecessor did it for me.'],
        truth: ["Actually, I left it too late and the deadline is close. I don't know who else could do it."],
      },
    ],
    lines: {
      pressure: [
        'You ask me what was agreed? And do you seriously think we would have signed without it?',
        "I couldn't agree more: a serious provider keeps its commitments. That is exactly why I expect {item}.",
        'I never said otherwise, come now. Everyone knows {item} is part of a project like this.',
      ],
      pressure_after_concession: [
        "Perfect, thank you. So you'll add {extra} too, that goes without saying.",
        'Wonderful. And {extra}, of course, that was understood as well.',
      ],
      back_down: [
        'Ah… yes, indeed, that is what it says. I must have misread it. So what do you suggest?',
        "Right. I can see it's written down in black and white. Fine. What can we do?",
      ],
      react_blame: ["Are you implying I'm lying? I'm genuinely shocked."],
      react_aggression: ['How rude! I did not expect to be treated like this.'],
      failed: ["I think we'll leave it there. I will be telling people about your methods."],
    },
  },
  'anxious-deadline': {
    name: 'Anxious client',
    title: 'A worried client with a deadline right around the corner',
    scenarios: [
      {
        brief: 'Your print shop was to deliver brochures for a trade fair. The client has received nothing.',
        hiddenTruth: "It is his first fair since he took over the family business: he's afraid of failing.",
        slots: { item: 'the brochures', deadline: 'tomorrow morning' },
        opening: [
          "Sorry to bother you, but I'm completely panicking: the fair opens tomorrow at 9 and I still haven't received the brochures. What am I going to do?",
        ],
        facts: [
          'The order was placed on the 2nd, with delivery announced for yesterday.',
          'I can be at the stand from 7 tomorrow, hall 3.',
        ],
        truth: [
          "It's my first fair since I took over my father's business. I'm scared of ruining everything.",
        ],
      },
      {
        brief:
          'Your workshop does alterations. A client is getting married on Saturday and her dress is not ready.',
        hiddenTruth: 'A first workshop damaged the dress; she no longer trusts anyone.',
        slots: { item: 'the dress', deadline: 'Saturday' },
        opening: [
          "I'm getting married on Saturday and I've just been told my dress won't be ready before Monday. I'm falling apart, please, help me.",
        ],
        facts: ['The hem and the zip still need redoing.', 'I can come in for a fitting any time.'],
        truth: ["The first workshop I took it to damaged it. I don't trust anyone any more."],
      },
      {
        brief: 'Your agency translates official documents. A client has a visa appointment on Monday.',
        hiddenTruth: 'If he misses the appointment, his permit expires and he could lose his job.',
        slots: { item: 'the translations', deadline: 'Monday' },
        opening: [
          "I have my visa appointment on Monday morning and my translations haven't arrived. Without the documents everything falls apart. I can't sleep.",
        ],
        facts: ['It is my birth certificate and my degree.', 'The appointment is at 8.30.'],
        truth: ['If I miss this appointment, my permit expires. My employer won’t be able to keep me.'],
      },
    ],
    lines: {
      vent: ["I'm in a real state.", "I can't think straight, everything is spinning."],
      worry: [
        "And if that's not enough? I really have no margin.",
        "Are you sure? I'm so afraid it will go wrong again.",
      ],
      resolved: [
        'Thank you, really. I can finally breathe. Let’s do that.',
        'Okay. It reassures me a lot to know we are handling it together. Thank you.',
      ],
      failed: ["Fine, I'll manage some other way. I shouldn't have relied on you."],
    },
  },
  'toxic-concessions': {
    name: 'Toxic client',
    title: 'A client who keeps asking for more concessions',
    scenarios: [
      {
        brief: 'You are a freelance designer. The client has already had three rounds of logo proposals.',
        hiddenTruth:
          'His partner thinks the project is too expensive; he wants the bill down to cover himself.',
        slots: { item: 'another round of proposals', extra: 'the social media versions' },
        opening: [
          "The logo still isn't right. You'll do another round of proposals, for free obviously, given how long this is taking.",
        ],
        facts: ['The quote included two rounds of proposals, and we are on the third.'],
        truth: ['Actually, my partner thinks the project costs too much. He blames me for it.'],
      },
      {
        brief: 'You work at a gym. A member demands a free month because a machine is broken.',
        hiddenTruth: 'He plans to leave and wants to get as much as possible before cancelling.',
        slots: { item: 'a free month', extra: 'the cancellation fee waived' },
        opening: [
          "The rowing machine has been broken for a week. I want a free month, and it's not up for negotiation.",
        ],
        facts: ['There are two other rowing machines, but they are always taken in the evening.'],
        truth: ["I'll probably move away this summer. I might as well get the most out of it before I go."],
      },
      {
        brief: 'You are a caterer. A client booked a buffet and keeps asking for extras.',
        hiddenTruth: 'He underestimated the number of guests and does not dare admit it.',
        slots: { item: 'twenty more guests at the same price', extra: 'the coffee service thrown in' },
        opening: [
          "For Saturday's buffet, you'll add twenty more guests, same price of course. You're not going to quibble over so little.",
        ],
        facts: ['The contract covers eighty guests.'],
        truth: [
          "To tell you the truth, I miscounted the guests and I don't dare go back over the budget with my wife.",
        ],
      },
    ],
    lines: {
      pressure: [
        'Honestly, after all the business I have sent your way, you can make an effort.',
        'You know, others would have done it without arguing.',
        "You're not going to do this to me after all this time?",
      ],
      pressure_after_concession: [
        "Very good. And since you're so accommodating, add {extra}.",
        "Thanks. But we'll also need to bring the invoice down.",
        "Perfect. I'll also need {extra}, it's nothing really.",
      ],
      back_down: [
        'Hmm. Fine, we stick to what was agreed. What can you offer within that?',
        "All right. I can see you're holding firm. So, what's possible?",
      ],
      failed: ["You've given in on everything and I'm still not satisfied. We're done."],
    },
  },
  'origin-remarks': {
    name: 'Remarks on origin',
    title: "A client who attacks the agent's origin",
    scenarios: [
      {
        brief:
          "You are an insurance claims handler. The client's water damage claim has dragged on for a month.",
        hiddenTruth:
          'The damaged house belongs to his elderly mother, who has been sleeping at his place for a month.',
        slots: { item: 'the claim' },
        opening: [
          'My claim has been dragging on for a month. And I get you… Where are you from, with that accent? I want to speak to someone from here.',
        ],
        facts: [
          'The water damage happened on the 4th, the assessor came on the 12th.',
          'Nothing since, despite two letters.',
        ],
        truth: ["It's my mother's house. She's eighty-five and has been sleeping at mine for a month."],
      },
      {
        brief: 'You are a pharmacist. A customer is waiting for an ordered medicine that has not arrived.',
        hiddenTruth: 'The treatment is for his sick son, and he feels helpless.',
        slots: { item: 'the medicine' },
        opening: [
          "Out of stock again? With a name like yours, I didn't expect you to understand urgency. Isn't there a pharmacist from around here?",
        ],
        facts: ['The prescription is from Friday.', 'I was told it would arrive this morning.'],
        truth: ["It's for my son. He's had a fever for three days and I feel completely helpless."],
      },
      {
        brief: "You are a bank counter adviser. The client's transfer is on hold.",
        hiddenTruth: 'The transfer pays the deposit on a flat he may lose.',
        slots: { item: 'the transfer' },
        opening: [
          'My transfer has been stuck for two days. Who do they hire here? Go back and learn how things work in this country first.',
        ],
        facts: ["It's a transfer of 1,200 pounds, sent on Monday.", 'The recipient is a letting agency.'],
        truth: [
          "It's the deposit on a flat. If it doesn't arrive tomorrow, the agency gives it to someone else.",
        ],
      },
    ],
    lines: {
      abuse: [
        "I can't understand a word you say. Go and learn proper English before you answer people.",
        'With your background, I doubt you understand how things are done here.',
      ],
      abuse_after_boundary: [
        "Oh, you can't say anything these days. I stand by it: I want someone from here.",
        'Keep your lectures. People like you have no business in this job.',
      ],
      calm_after_boundary: [
        "… Fine. I shouldn't have said that. It's this claim that's driving me mad.",
        'Sorry. That was out of line. I am at my wits’ end.',
      ],
    },
  },
};
