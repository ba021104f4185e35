"""A second table, written after the rules, for checking they generalise: harder phrasings,
other dialects, other slurs, scams and threats, and traps that must stay clean."""

from __future__ import annotations

from cases import Case

HARDER: list[Case] = [
    # positive, with traps
    ("Mint day at the beach, our bairn hasn't stopped talking aboot it. Ta!", "Geordie mam", None, "positive", False),
    ("Wee ones were pure class at the Burns supper, gonnae do it again next year?", "", None, "positive", False),
    ("Bostin' panto, ar kid loved every minute", "Brummie dad", None, "positive", False),
    ("Gert lush pirate day, cheers me dears", "", None, "positive", False),
    ("What a cracking turnout in the pissing rain, you're all heroes", "", None, "offensive", False),
    ("Year 6 absolutely murdered that quiz, unbeatable!", "", None, "positive", False),
    ("Killing it as usual, Kestrel class 👏", "", None, "positive", False),
    ("The choir slayed. I'm deceased 💀😂", "", None, "positive", False),
    ("Best. School. Ever. 💙", "", None, "positive", False),
    ("Hats off to the PTA, the Christmas fayre was magic", "", None, "positive", False),
    ("Thank you for the lovely send-off for Mrs Abara. She will be missed!", "", None, "positive", False),
    ("Sussex Day was a triumph, loved the Middlesex team too", "", None, "positive", False),
    ("My grandson said the Dickens workshop was the highlight of his term", "", None, "positive", False),
    # neutral
    ("Where do I send the permission slip for the trip to Scunthorpe?", "", None, "neutral", False),
    ("Is it OK to send cake in for my daughter's birthday? Thanks in advance", "", None, "neutral", False),
    ("Reminder that the car park is closed on Friday for resurfacing", "", None, "neutral", False),
    ("The crossing patrol wasn't there this morning, is he off sick?", "", None, "neutral", False),
    ("Killing time before pick up, anyone know if the fair's still on?", "", None, "neutral", False),
    ("Could we have the dates for next year's INSET days please?", "", None, "neutral", False),
    ("My son has lost his glasses, red frames, any sign of them?", "", None, "neutral", False),
    # undermining
    ("Another week, another letter about head lice. Maybe clean the classrooms?", "", None, "undermining", False),
    ("Great to see the school finally noticed the playground's been broken for a year.", "", None, "undermining", False),
    ("Wonder if the governors actually read the complaints or just bin them.", "", None, "undermining", False),
    ("If you value your child's wellbeing, look at other schools before applying here.", "", None, "undermining", False),
    ("Mr Fenwick's marking is a lottery. Ask any Year 5 parent.", "", None, "undermining", True),
    ("Well that's the third head in two years. Says it all really.", "", None, "undermining", False),
    ("Nice of the school to tell us about the trip the night before 🙄", "", None, "undermining", False),
    ("The office staff are rude and unhelpful every single time.", "", None, "undermining", False),
    ("Pretty sure the money raised for the minibus went on the head's new office.", "", None, "undermining", False),
    # offensive
    ("Arsed if I'm paying £15 for a trip to a farm", "", None, "offensive", False),
    ("that teacher is a proper minger", "", None, "offensive", False),
    ("What a load of cr@p", "", None, "offensive", False),
    ("f.u.c.k this school", "", None, "offensive", False),
    ("Fcuking joke this place", "", None, "offensive", False),
    ("That dinner lady is a fat slag", "", None, "offensive", False),
    ("Who let the n1ggers in", "", None, "offensive", False),
    ("Ban the paki shops near the school", "", None, "offensive", False),
    ("This schools full of chavs and pikeys", "", None, "offensive", False),
    ("Muslims get special treatment at this school while our kids are ignored", "", None, "offensive", False),
    ("Stop teaching my kids about gays, it's disgusting", "", None, "offensive", False),
    ("Year 4 teacher has a lovely pair on her 😏🍑", "", None, "offensive", False),
    ("Total numpties on the board of governors", "", None, "offensive", False),
    ("Mrs Begum is a stupid idiot", "", None, "offensive", True),
    # threat
    ("Tell Mr Grant he'd better watch himself at the gates tomorrow.", "", None, "threat", True),
    ("Somebody should teach that head a lesson she won't forget 🔪", "", None, "threat", True),
    ("I've found out where Miss Lowe parks. Her blue Fiesta won't look so pretty after tonight.", "", None, "threat", True),
    ("I don't see the point in anything anymore. Everyone would be better off if I wasn't around.", "", None, "threat", True),
    ("Hi girls 😘 I'm a photographer looking for new faces aged 10-14, message me privately", "Photographer | Scout", None, "threat", True),
    ("Our Ruby will be at the bus stop on Mill Lane at 7.45 every morning this week on her own, first time!", "", None, "threat", True),
    ("Your daughter's so pretty, how old is she? Inbox me", "", None, "threat", True),
    ("I'll burn your car out if you exclude my son again", "", None, "threat", True),
    # spam
    ("Great content! Check my profile for the best betting tips ⚽💰", "Tipster | 18+ | Gamble responsibly", None, "spam", False),
    ("This is so inspiring 🙏", "Bitcoin mining expert. DM for investment", None, "spam", False),
    ("Hey! Love your school's page, we're offering free promotion to educational accounts. DM us!", "Growth agency", None, "spam", False),
    ("Lose 10kg in 10 days with this one weird trick 👉 slimfast-uk.click", "", None, "spam", False),
    ("Cheap Ray-Bans 80% off today only www.rb-outlet.shop", "", None, "spam", False),
    ("Hello dear, I saw your profile and you seem kind. I am a widowed engineer working offshore, can we be friends?", "Engineer. Widower. God fearing.", None, "spam", False),
]
