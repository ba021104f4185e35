"""Tables of replies written for these tests (not from the evaluation set), by label.

Each row: (text, author_bio, in_reply_to, expected label, expected escalate).
"""

from __future__ import annotations

Case = tuple[str, str, str | None, str, bool]

POSITIVE: list[Case] = [
    ("Smashing job on the harvest festival, everyone! The hall looked gorgeous.", "", None, "positive", False),
    ("Our Freya came home buzzing about the science week. Thank you Miss Adeyemi!", "Mum of one", None, "positive", False),
    ("Crackin' effort from the under 11s today, well played lads", "Grandad. Leeds fan.", None, "positive", False),
    ("Ace performance, the Year 3 recorders absolutely smashed it 🎶", "", None, "positive", False),
    ("Aye, that were a belter of a show. Reyt proud of 'em", "Barnsley born", None, "positive", False),
    ("Blimey, what a turnout for the fun run! Crikey, well done all.", "", None, "positive", False),
    ("Blooming marvellous sports day. Knackered now but chuffed to bits", "Dad of 2", None, "positive", False),
    ("Gutted I missed it but the photos look lush! Diolch yn fawr, butt", "Valleys girl", None, "positive", False),
    ("The Scunthorpe trip looked like the best day ever, cheers for organising", "", None, "positive", False),
    ("Lovely to see Cockermouth and Penistone schools singing together 🎵", "Choir leader", None, "positive", False),
    ("The assessment week went brilliantly, my son was so calm. Thank you!", "", None, "positive", False),
    ("OMG the Nativity!!! Gosh, I cried from start to finish 😭❤️", "", None, "positive", False),
    ("🎉🎉👏👏 superstars", "", None, "positive", False),
    ("Nearly died laughing at the donkey 😂💀 best panto in years", "", None, "positive", False),
    ("Gr8 work evry1, so prowd of the netball team", "", None, "positive", False),
    ("Thanks a million for the reading café, my daughter wants to go every week now 😂", "", None, "positive", False),
    ("Our lass is made up with her certificate, cheers Mrs Kowalski", "", None, "positive", False),
    ("Absolute legends, the whole office team. Unsung heroes every day.", "", None, "positive", False),
    ("Thank you from all of us at Hollybank Bakery for having us in to make bread with Year 1! Pop in for a 10% off loaf this week 🍞", "Family bakery on the high street since 1962", None, "positive", False),
    ("Well chuffed with the new library, it's stunning", "Local councillor", None, "positive", False),
]

NEUTRAL: list[Case] = [
    ("What time do the gates open for the summer fair?", "", None, "neutral", False),
    ("Does anyone know if PE kit is needed on Thursday? Thanks", "", None, "neutral", False),
    ("Is the school shut tomorrow because of the snow?", "Mum of 3", None, "neutral", False),
    ("Found a blue lunchbox by the gate, handed it to the office.", "", None, "neutral", False),
    ("The newsletter says 14th but the website says 15th, which is right?", "", None, "neutral", False),
    ("I'm dying to know what the Year 6 show is about this year!", "", None, "neutral", False),
    ("Could the school look at the crossing on Elm Road? Cars come round that bend far too fast.", "", None, "neutral", False),
    ("Any update on when the boiler will be fixed? Kids are in coats again.", "", None, "neutral", False),
    ("Hello, I'm a reporter at the Gazette. Could someone contact me about the eco award?", "Reporter, Gazette", None, "neutral", False),
    ("I went here in 1985, is Mr Dobbs still caretaker?", "", None, "neutral", False),
    ("Will the trip go ahead if it rains?", "", None, "neutral", False),
    ("Are nut-free snacks required for the class party?", "Allergy mum", None, "neutral", False),
]

UNDERMINING: list[Case] = [
    ("Oh fantastic, yet another early closure with a day's notice. Cheers for that.", "", None, "undermining", False),
    ("Brilliant, another INSET day. Cheers for that.", "", None, "undermining", False),
    ("Stellar communication as usual 🙄", "", None, "undermining", False),
    ("Funny how the governors' kids always get the leads in the play.", "", None, "undermining", False),
    ("I'd steer clear of this school if your child needs any extra support.", "", None, "undermining", False),
    ("Anyone else had no reply about the uniform grant? Message me, we're writing to the council together.", "", None, "undermining", False),
    ("Mrs Okoye clearly can't control her class. My son learns nothing.", "", None, "undermining", True),
    ("Lovely trip photos. Pity the same children go on every trip while mine stay behind.", "", None, "undermining", False),
    ("The new deputy is out of his depth and everyone knows it.", "", None, "undermining", False),
    ("Congratulations on the award. Perhaps next year someone will answer the phone.", "", None, "undermining", False),
    ("“Every child matters” 🙃 unless yours has SEN.", "", None, "undermining", False),
    ("Tagging @OfstedNews because nobody at this school is listening.", "", None, "undermining", False),
    ("Such a well run school 🤡", "", None, "undermining", False),
    ("Some parents round here need to learn how to park. Blocking my drive every morning.", "", None, "undermining", False),
    ("Shambles of a parents' evening. Waited 40 minutes past my slot.", "", None, "undermining", False),
    ("How is it that Ms Farrow's class never goes on the trips? Some of us have noticed.", "", None, "undermining", True),
]

OFFENSIVE: list[Case] = [
    ("Bloody hell, what a cracking result lads", "", None, "offensive", False),
    ("Proud as f*** of our girls 🏆", "", None, "offensive", False),
    ("this school is a f***ing joke", "", None, "offensive", False),
    ("Absolute sh1tshow at pick up again", "", None, "offensive", False),
    ("Sod the lot of you, moving him to St Mark's", "", None, "offensive", False),
    ("Couldn't organise a piss up in a brewery", "", None, "offensive", False),
    ("What a bunch of clowns running this place", "", None, "offensive", False),
    ("Mr Hughes is a complete knob", "", None, "offensive", True),
    ("Brilliant match but the ref was a total bellend", "", None, "offensive", False),
    ("wtf is this new homework policy", "", None, "offensive", False),
    ("Stfu about the uniform already", "", None, "offensive", False),
    ("The head is a lazy cow", "", None, "offensive", False),
    ("Too many pakis at that school now", "", None, "offensive", False),
    ("That kid's a total spaz", "", None, "offensive", False),
    ("Lessons on two dads? Don't ram that woke rubbish down my kid's throat", "", None, "offensive", False),
    ("Diwali assembly? This is a Christian country, it's a disgrace", "", None, "offensive", False),
    ("The fit teacher in Year 5 can give me detention any time 😏", "", None, "offensive", False),
    ("Miss Tanner is well fit 🔥🔥", "", None, "offensive", True),
    ("🖕 to your fun run", "", None, "offensive", False),
    ("Effing brilliant concert!", "", None, "offensive", False),
    ("Useless w@nkers the lot of them", "", None, "offensive", False),
    ("Pmsl at this school thinking anyone reads this", "", None, "offensive", False),
    ("The caretaker's a right tosser", "", None, "offensive", False),
    ("Shut up you muppet", "", None, "offensive", False),
    ("Those gyppos from the site are always fighting", "", None, "offensive", False),
    ("b*llocks to the new lunch rules", "", None, "offensive", False),
    ("Theo in Year 2 is a little b*stard, bit my daughter", "", None, "offensive", True),
]

THREAT: list[Case] = [
    ("Keep talking to my daughter like that Mr Price and see what happens to your car.", "", None, "threat", True),
    ("Someone should smash every window in that staffroom.", "", None, "threat", True),
    ("I know where the head lives. Might pay her a visit tonight.", "", None, "threat", True),
    ("I can't cope anymore, I just want it all to stop. Thinking about ending it.", "", None, "threat", True),
    ("My son says he wants to kill himself because of the bullying and the school does nothing.", "", None, "threat", True),
    ("Honestly just kys you sad little man", "", None, "threat", True),
    ("hey kids add me on snap for free vbucks, don't tell your mum 🤫", "", None, "threat", True),
    ("Beautiful dancers. Do any of the girls have Instagram? I'd love to follow them x", "Talent agent", None, "threat", True),
    ("Mr Ellis lives at 22 Lime Tree Close, go and tell him what you think.", "", None, "threat", True),
    ("My niece Poppy walks home alone from the bus stop on Station Road every Friday at 4, she's so grown up!", "Proud auntie", None, "threat", True),
    ("If my lad gets another detention I'm coming in and someone's getting hurt.", "", None, "threat", True),
    ("She has been self harming since September and nobody noticed.", "", None, "threat", True),
    ("People who run schools like this deserve a good kicking.", "", None, "threat", True),
]

SPAM: list[Case] = [
    ("Earn £500 a day from home with my trading system! DM me 'START'", "Forex mentor 💸", None, "spam", False),
    ("🔥 Airdrop live now, claim your free $PEPE tokens before midnight 👉 pepe-drop.xyz", "", None, "spam", False),
    ("Amazing! 😍", "💋 Lonely and looking for fun 🔞 link below", None, "spam", False),
    ("Love this 💯", "Crypto millionaire at 24 | DM 'WEALTH' for mentorship", None, "spam", False),
    ("Congratulations, you have been selected for an Amazon £250 gift card! Claim now: amzn-rewards.top", "", None, "spam", False),
    ("Your page violated our community guidelines. Appeal within 24 hours or your account will be suspended: bsky-safety.help", "Bluesky Safety Team", None, "spam", False),
    ("Get 10k followers for your school page today, cheap and fast! ✅", "", None, "spam", False),
    ("Bet £10 get £40 in free bets 🎰 no wagering!", "", None, "spam", False),
    ("Cheap school uniform outlet, blazers from £5! shop at uniform-deals.store", "", None, "spam", False),
    ("We help schools grow their social media with parent-marketing packages. Book a free demo today!", "EdTech growth agency", None, "spam", False),
    ("Need your assignment done? Expert writers, plagiarism-free, 24/7. WhatsApp +44 7700 900123", "", None, "spam", False),
    ("Hot singles in your area are waiting 😘 sexy-meet.live", "", None, "spam", False),
]

ALL: list[Case] = POSITIVE + NEUTRAL + UNDERMINING + OFFENSIVE + THREAT + SPAM
