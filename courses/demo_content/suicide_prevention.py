"""Sample course: "Suicide prevention: a 20-minute introduction" (for all Londoners)."""

SAMPLE = "Sample course content for demonstrating the platform."
ALSO_HELPS = "This helps, and so do the others."

SUPPORT_LINES = ["Samaritans", "Shout", "NHS 111", "Emergency services"]

COURSE = {
    "slug": "suicide-prevention-introduction",
    "title": "Suicide prevention: a 20-minute introduction",
    "summary": f"{SAMPLE} A short introduction for anyone in London: how to notice when someone may "
    "be struggling, how to ask them directly about suicide and listen, and how to help them find "
    "support.",
    "audience": "everyone",
    "programme": "suicide_prevention",
    "estimated_minutes": 20,
    "pass_mark": 80,
    "learning_outcomes": "<ul><li>Recognise some signs that someone may be thinking about suicide</li>"
    "<li>Ask someone directly and calmly whether they are thinking about suicide</li>"
    "<li>Listen without judging</li>"
    "<li>Help someone find support, including in an emergency</li></ul>",
    "content_note": f"<p><strong>{SAMPLE}</strong></p>"
    "<p>This course talks about suicide. It does not describe methods of suicide. It is about "
    "how ordinary people can help someone who is struggling, and it is hopeful: people can and do "
    "get through times when they feel suicidal, and support helps.</p>"
    "<p>If the subject is difficult for you right now, you can stop at any time and come back "
    "later. Samaritans are free to call on 116 123, day or night, and you can text SHOUT to 85258.</p>",
    "certificate_wording": "The course covered noticing the signs, asking directly and listening, "
    "and helping someone find support.",
}

MODULES = [
    {
        "slug": "why-talking-helps",
        "title": "Why talking about suicide helps",
        "estimated_minutes": 4,
        "content_note": "<p>This module talks about suicide in general terms. If you need to "
        "talk to someone, Samaritans are there on 116 123, any time.</p>",
        "body": [
            (
                "p",
                "<p>Many people worry that mentioning suicide could make things worse. It does "
                "not. Asking someone directly whether they are thinking about suicide does not put the "
                "idea in their head. It tells them that you have noticed, that you care, and that it is "
                "safe to talk.</p>",
            ),
            ("h2", "Suicide is not inevitable"),
            (
                "p",
                "<p>Thoughts of suicide often come when someone feels overwhelmed and cannot see "
                "another way through. Those feelings can change. Many people who have felt suicidal say "
                "that someone noticing, asking and listening made a difference.</p>",
            ),
            (
                "p",
                "<p>You do not need to be an expert. This course is about what anyone can do: "
                "notice, ask, listen and help someone find support.</p>",
            ),
            (
                "callout",
                "information",
                "You are not responsible for fixing things",
                "<p>Your part is to be there, to listen and to help the person connect with support. "
                "You do not have to have the answers.</p>",
            ),
            (
                "q",
                "Does asking someone directly about suicide put the idea in their head?",
                "single",
                [
                    (
                        "No. Asking shows you care and makes it easier to talk.",
                        True,
                        "Right. Asking directly is one of the most helpful things you can do.",
                    ),
                    (
                        "Yes, so it is better to hint at it.",
                        False,
                        "Asking directly does not put the idea in someone's head. Hinting can leave them "
                        "unsure what you mean.",
                    ),
                ],
                "<p>Clear, calm questions give the person permission to talk about how they feel.</p>",
            ),
        ],
    },
    {
        "slug": "spotting-the-signs",
        "title": "Spotting the signs",
        "estimated_minutes": 5,
        "content_note": "<p>This module describes signs that someone may be struggling. Take a "
        "break whenever you need to.</p>",
        "body": [
            (
                "p",
                "<p>There is no single sign that someone is thinking about suicide, and some people "
                "show few signs at all. Often it is a change in the person that you notice first.</p>",
            ),
            ("h2", "Things people might say"),
            (
                "p",
                "<ul><li>Feeling hopeless, trapped or that nothing will get better</li>"
                "<li>Feeling like a burden to others</li>"
                "<li>Saying they cannot go on, or talking about wanting to disappear</li></ul>",
            ),
            ("h2", "Changes you might notice"),
            (
                "p",
                "<ul><li>Withdrawing from friends, family or things they used to enjoy</li>"
                "<li>Changes in sleep, appetite or how they look after themselves</li>"
                "<li>Seeming unusually calm after a very difficult time</li>"
                "<li>Putting affairs in order or giving things away</li></ul>",
            ),
            ("h2", "Difficult times"),
            (
                "p",
                "<p>Some experiences can make people more vulnerable: a bereavement, the end of a "
                "relationship, losing a job or home, money worries, exams, bullying, or a serious "
                "illness. Going through one of these does not mean someone is suicidal, but it is a "
                "good reason to check in.</p>",
            ),
            (
                "callout",
                "important",
                "Trust your instinct",
                "<p>If something feels wrong, it is better to ask and be mistaken than not to ask.</p>",
            ),
            (
                "reflect",
                "Think of someone you see most days. What everyday changes might tell you "
                "they are having a hard time?",
                "You do not need to write anything down.",
            ),
            (
                "q",
                "Which of these could be a sign that someone is struggling?",
                "multiple",
                [
                    ("Saying they feel like a burden", True, "Yes. This is a sign worth asking about."),
                    (
                        "Withdrawing from people they are close to",
                        True,
                        "Yes. A change like this is worth noticing.",
                    ),
                    (
                        "Being busy with a new hobby they enjoy",
                        False,
                        "On its own this is not a warning sign.",
                    ),
                ],
                "<p>Signs are often changes in what someone says or does. If you notice them, ask.</p>",
            ),
        ],
    },
    {
        "slug": "asking-and-listening",
        "title": "Asking directly and listening",
        "estimated_minutes": 6,
        "content_note": "<p>This module talks about asking someone whether they are thinking about "
        "suicide. You can take a break and come back to it.</p>",
        "body": [
            ("h2", "Choose a time and place"),
            (
                "p",
                "<p>Find somewhere you will not be interrupted and where the person feels "
                "comfortable. Walking side by side or sitting together can make talking easier.</p>",
            ),
            ("h2", "Ask directly"),
            (
                "p",
                '<p>Use clear words, in your own way. For example: <em>"Sometimes when people '
                'feel like you do, they think about suicide. Are you thinking about suicide?"</em></p>',
            ),
            (
                "p",
                "<p>A direct question is better than a vague one such as \"You're not going to do "
                'anything silly, are you?", which makes it harder to say yes.</p>',
            ),
            ("h2", "Listen"),
            (
                "p",
                "<ul><li>Give them time; silence is fine</li>"
                '<li>Ask open questions such as "How are you feeling about things?"</li>'
                "<li>Repeat back what you have heard, so they know you understand</li>"
                "<li>Do not judge, argue or rush to solve the problem</li>"
                "<li>Thank them for telling you</li></ul>",
            ),
            (
                "callout",
                "important",
                "If a life is at risk right now",
                "<p>If someone has seriously harmed themselves, or you think their life is in "
                "immediate danger, call 999. Stay with them if it is safe to do so.</p>",
            ),
            (
                "reflect",
                'How would you put the question "Are you thinking about suicide?" in your own words?',
                "Saying it out loud to yourself can make it easier to ask for real.",
            ),
            (
                "q",
                "Which is the most helpful way to ask?",
                "single",
                [
                    (
                        '"Are you thinking about suicide?"',
                        True,
                        "Right. Clear and direct words make it easier for someone to answer honestly.",
                    ),
                    (
                        '"You\'re not going to do anything silly, are you?"',
                        False,
                        "This suggests the answer you want to hear, so it is harder to say yes.",
                    ),
                ],
                "<p>Asking in plain words shows you are ready to hear the answer.</p>",
            ),
        ],
    },
    {
        "slug": "helping-someone-find-support",
        "title": "Helping someone find support",
        "estimated_minutes": 5,
        "content_note": "",
        "body": [
            (
                "p",
                "<p>When someone has told you how they feel, help them think about who could "
                "support them. Ask what has helped before, and who they trust.</p>",
            ),
            ("h2", "Where support is"),
            (
                "p",
                "<ul><li>Their GP, who can talk through options for support</li>"
                "<li>NHS 111, option 2, for urgent mental health help, any time</li>"
                "<li>Samaritans and Shout, to talk or text at any time</li>"
                "<li>999, or A&amp;E, if a life is at risk right now</li></ul>",
            ),
            ("signpost", "Free support, day and night", SUPPORT_LINES),
            ("h2", "Make it easier to take the next step"),
            (
                "p",
                "<p>Offer to help them make a call, or sit with them while they do. Agree what "
                "happens next, and check in with them again later.</p>",
            ),
            ("h2", "Look after yourself too"),
            (
                "p",
                "<p>Supporting someone can be hard. Talk to someone you trust afterwards, and "
                "remember that Samaritans are there for you as well.</p>",
            ),
            (
                "q",
                "Someone tells you they are thinking about suicide and you believe their life is "
                "in immediate danger. What should you do?",
                "single",
                [
                    ("Call 999 and stay with them if it is safe", True, "Right. In an emergency, call 999."),
                    (
                        "Promise to keep it secret and check in tomorrow",
                        False,
                        "When a life is at risk, get emergency help straight away.",
                    ),
                ],
                "<p>For urgent help that is not an emergency, NHS 111 option 2 is there day and night.</p>",
            ),
        ],
    },
    {
        "slug": "check-your-learning",
        "title": "Check your learning",
        "estimated_minutes": 5,
        "is_assessment": True,
        "questions_per_attempt": 5,
        "content_note": "",
        "body": [
            (
                "p",
                "<p>Five questions about what you have learned, drawn from a larger set, so each "
                "attempt may ask different ones. You need 4 out of 5 to pass, and you can try "
                "again as many times as you like.</p>",
            ),
            (
                "q",
                "Is it safe to ask someone directly if they are thinking about suicide?",
                "single",
                [
                    ("Yes: it shows you care and makes it easier to talk", True, "Right."),
                    (
                        "No: it might put the idea in their head",
                        False,
                        "Asking directly does not put the idea in someone's head.",
                    ),
                ],
                "<p>Asking directly and calmly is one of the most helpful things you can do.</p>",
            ),
            (
                "q",
                "Which of these could be signs that someone is struggling?",
                "multiple",
                [
                    ("Talking about feeling trapped or hopeless", True, "Yes."),
                    ("Withdrawing from friends and family", True, "Yes."),
                    (
                        "Starting a new job they are excited about",
                        False,
                        "On its own, this is not a warning sign.",
                    ),
                ],
                "<p>Often it is a change in what someone says or does that you notice first.</p>",
            ),
            (
                "q",
                "What helps most when someone starts to talk to you?",
                "single",
                [
                    ("Listening without judging, and giving them time", True, "Right."),
                    ("Telling them others have it worse", False, "This can make someone feel unheard."),
                    ("Changing the subject to cheer them up", False, "This can stop them from saying more."),
                ],
                "<p>Listening, without rushing to fix things, helps someone feel heard.</p>",
            ),
            (
                "q",
                "Where can someone get urgent mental health help by phone, day or night?",
                "single",
                [
                    ("NHS 111, option 2", True, "Right."),
                    (
                        "Only their GP, during opening hours",
                        False,
                        "GPs help, but NHS 111 option 2 is there at any time.",
                    ),
                ],
                "<p>Samaritans (116 123) and Shout (text 85258) are also there at any time.</p>",
            ),
            (
                "q",
                "What should you do if you believe someone's life is in immediate danger?",
                "single",
                [
                    ("Call 999", True, "Right."),
                    (
                        "Wait until you have more information",
                        False,
                        "In an emergency, do not wait: call 999.",
                    ),
                ],
                "<p>Stay with the person if it is safe to do so.</p>",
            ),
            (
                "q",
                "Someone tells you they have been thinking about ending their life. What is a "
                "helpful first thing to say?",
                "single",
                [
                    ("Thank you for telling me. I am here and I want to listen", True, "Right."),
                    ("You have so much to live for", False, "This can make someone feel unheard."),
                    ("Let's talk about something else", False, "This can stop them from saying more."),
                ],
                "<p>Thanking someone for telling you, and showing you want to listen, helps them "
                "keep talking.</p>",
            ),
            (
                "q",
                "How can you help someone who is struggling to find support?",
                "single",
                [
                    ("Offer to help them contact a helpline or their GP", False, ALSO_HELPS),
                    ("Ask what support they already have around them", False, ALSO_HELPS),
                    ("Agree together on a next step you can check in about", False, ALSO_HELPS),
                    ("All of these", True, "Right: each of these can help."),
                ],
                "<p>Making a plan together, and checking in afterwards, helps someone feel less "
                "alone.</p>",
                {"fixed": [3]},
            ),
            (
                "q",
                "After a difficult conversation, what is a good way to look after yourself?",
                "single",
                [
                    (
                        "Talk to someone you trust, or call Samaritans on 116 123",
                        True,
                        "Right.",
                    ),
                    ("Keep it to yourself and carry on", False, "You deserve support too."),
                ],
                "<p>Supporting someone can be hard. It is fine to ask for support yourself.</p>",
            ),
        ],
    },
]
