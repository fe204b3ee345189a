"""Sample course: "Youth Mental Health First Aid: e-learning for school and college staff"."""

SAMPLE = "Sample course content for demonstrating the platform."
ALSO_HELPS = "This helps, and so do the others."

YOUNG_PEOPLE_LINES = ["Childline", "PAPYRUS HOPELINE247", "Shout", "NHS 111", "Emergency services"]

COURSE = {
    "slug": "youth-mhfa-school-college-staff",
    "title": "Youth Mental Health First Aid: e-learning for school and college staff",
    "summary": f"{SAMPLE} For staff in schools and colleges: noticing when a young person may be "
    "struggling, starting a supportive conversation, responding safely to self-harm and suicidal "
    "thoughts, and working with your safeguarding procedures.",
    "audience": "school_college_staff",
    "programme": "youth_mhfa",
    "estimated_minutes": 60,
    "pass_mark": 80,
    "learning_outcomes": "<ul><li>Describe what a mental health first aider does, and does not do</li>"
    "<li>Notice changes that may mean a young person is struggling</li>"
    "<li>Start a supportive, non-judgemental conversation</li>"
    "<li>Respond safely if a young person talks about self-harm or suicide</li>"
    "<li>Follow your setting's safeguarding procedures and look after yourself</li></ul>",
    "content_note": f"<p><strong>{SAMPLE}</strong> In a live programme, the licensed Youth "
    "Mental Health First Aid materials replace it.</p>"
    "<p>This course covers young people's mental health, including self-harm and suicide. It "
    "does not describe methods. You can stop at any time and carry on later. If you need support "
    "yourself, Samaritans are free to call on 116 123, day or night.</p>",
    "certificate_wording": "Youth Mental Health First Aid e-learning for school and college staff.",
}

MODULES = [
    {
        "slug": "the-first-aider-role",
        "title": "What a mental health first aider does",
        "estimated_minutes": 8,
        "content_note": "",
        "body": [
            (
                "p",
                "<p>Mental health first aid is the help you give a young person who is "
                "struggling, until they get the right support or the difficulty passes. Like physical "
                "first aid, it is about what you do in the moment.</p>",
            ),
            ("h2", "What the role is"),
            (
                "p",
                "<ul><li>Noticing when a young person may be struggling</li>"
                "<li>Listening without judging</li>"
                "<li>Reassuring them and giving information</li>"
                "<li>Encouraging them towards the right help, including through your school's "
                "procedures</li></ul>",
            ),
            ("h2", "What the role is not"),
            (
                "p",
                "<p>You are not a counsellor or a therapist, and you are not expected to diagnose "
                "anything. You are one caring adult who can help a young person connect with "
                "support.</p>",
            ),
            (
                "q",
                "Which of these is part of a mental health first aider's role?",
                "single",
                [
                    ("Listening and helping the young person reach the right support", True, "Right."),
                    (
                        "Diagnosing the young person's condition",
                        False,
                        "Diagnosis is for qualified professionals, not first aiders.",
                    ),
                ],
                "<p>First aid is what you do until the right help is in place.</p>",
            ),
        ],
    },
    {
        "slug": "noticing-changes",
        "title": "Noticing when a young person is struggling",
        "estimated_minutes": 10,
        "content_note": "",
        "body": [
            (
                "p",
                "<p>Adolescence brings many changes, and ups and downs are normal. What matters "
                "is a change that lasts, or that gets in the way of everyday life.</p>",
            ),
            ("h2", "Things you might notice in school or college"),
            (
                "p",
                "<ul><li>Changes in attendance, punctuality or the quality of work</li>"
                "<li>Withdrawing from friends or activities</li>"
                "<li>Seeming tired, irritable, tearful or on edge</li>"
                "<li>Changes in appearance or how they look after themselves</li>"
                "<li>Saying they feel worthless, hopeless or like a burden</li></ul>",
            ),
            ("h2", "What can put pressure on young people"),
            (
                "p",
                "<p>Exams, bullying (online or in person), friendship and relationship "
                "difficulties, problems at home, bereavement, questions about identity, and money "
                "worries in the family can all weigh on a young person.</p>",
            ),
            (
                "reflect",
                "Think about the young people you work with. Where in your week would you "
                "be most likely to notice a change?",
                "You do not need to write anything down.",
            ),
            (
                "q",
                "Which of these changes might suggest a young person is struggling?",
                "multiple",
                [
                    ("Stopping going to clubs they used to enjoy", True, "Yes."),
                    ("Work that has become much less careful than usual", True, "Yes."),
                    (
                        "Being nervous before one exam",
                        False,
                        "Short-lived nerves are common. Look for changes that last.",
                    ),
                ],
                "<p>A lasting change from how the young person usually is is worth a conversation.</p>",
            ),
        ],
    },
    {
        "slug": "supportive-conversations",
        "title": "Starting a supportive conversation",
        "estimated_minutes": 10,
        "content_note": "",
        "body": [
            (
                "p",
                "<p>Choose a calm moment and a place where the young person feels safe, in line "
                "with your setting's policy on one-to-one conversations.</p>",
            ),
            ("h2", "Opening the conversation"),
            (
                "p",
                "<p>Say what you have noticed, without judging: <em>\"I've noticed you've seemed "
                'quieter lately. How are things?"</em> Let them know they can talk now or later.</p>',
            ),
            ("h2", "Listening well"),
            (
                "p",
                "<ul><li>Give them your full attention</li>"
                "<li>Use open questions, and allow silences</li>"
                "<li>Reflect back what you hear</li>"
                "<li>Take what they say seriously, even if it seems small to you</li></ul>",
            ),
            (
                "callout",
                "important",
                "Do not promise to keep secrets",
                "<p>Be honest from the start that if you are worried about their safety you will need "
                "to share it with the right people, and that you will tell them what happens "
                "next.</p>",
            ),
            (
                "q",
                "A student asks you to promise not to tell anyone what they are about to say. "
                "What should you do?",
                "single",
                [
                    (
                        "Explain kindly that you cannot promise, and why",
                        True,
                        "Right. Being honest keeps their trust and keeps them safe.",
                    ),
                    (
                        "Promise, so that they keep talking",
                        False,
                        "You may need to share safeguarding concerns, so a promise could break their "
                        "trust later.",
                    ),
                ],
                "<p>Explain that you would only share what you need to, with people who can help.</p>",
            ),
        ],
    },
    {
        "slug": "self-harm-and-suicide",
        "title": "Responding to self-harm and suicidal thoughts",
        "estimated_minutes": 12,
        "content_note": "<p>This module talks about self-harm and suicide. It does not describe "
        "methods. If you need to talk to someone, Samaritans are there on 116 123, any time.</p>",
        "body": [
            (
                "p",
                "<p>If a young person tells you they are self-harming or thinking about "
                "suicide, stay calm. Thank them for telling you. Your calm response makes it easier "
                "for them to accept help.</p>",
            ),
            ("h2", "Ask directly about suicide"),
            (
                "p",
                '<p>If you are worried, ask clearly: <em>"Are you thinking about suicide?"</em> '
                "Asking directly does not put the idea in their head, and it shows you are ready to "
                "listen.</p>",
            ),
            ("h2", "Respond without judgement"),
            (
                "p",
                "<p>Self-harm is often a way of coping with overwhelming feelings. Avoid showing "
                "shock or anger, and avoid asking for details of what they have done. Focus on how "
                "they are feeling and on getting support.</p>",
            ),
            (
                "callout",
                "important",
                "Act on your concern the same day",
                "<p>Tell your Designated Safeguarding Lead straight away. If a young person's life is "
                "at immediate risk, or they need medical attention, call 999.</p>",
            ),
            ("signpost", "Support for young people, day and night", YOUNG_PEOPLE_LINES),
            (
                "q",
                "A student tells you they have been thinking about suicide. What is the right "
                "first response?",
                "single",
                [
                    (
                        "Stay calm, listen, and tell the Designated Safeguarding Lead the same day",
                        True,
                        "Right.",
                    ),
                    (
                        "Wait to see whether things improve before telling anyone",
                        False,
                        "Concerns about suicide always need to be passed on the same day.",
                    ),
                ],
                "<p>Listening calmly, then acting through your safeguarding procedures, keeps the "
                "young person safe.</p>",
            ),
        ],
    },
    {
        "slug": "safeguarding-procedures",
        "title": "Working with your safeguarding procedures",
        "estimated_minutes": 8,
        "content_note": "",
        "body": [
            (
                "p",
                "<p>Every school and college has safeguarding procedures and a Designated "
                "Safeguarding Lead (DSL). Mental health first aid works alongside them, never instead "
                "of them.</p>",
            ),
            ("h2", "What to do with a concern"),
            (
                "p",
                "<ol><li>Listen, and keep the young person safe</li>"
                "<li>Tell the DSL, or their deputy, as your policy sets out</li>"
                "<li>Record what was said, in the young person's words, following your policy</li>"
                "<li>Tell the young person what will happen next</li></ol>",
            ),
            (
                "p",
                "<p>The DSL decides on next steps, which may include talking with parents or "
                "carers and referring to the school nurse, a GP or children and young people's mental "
                "health services.</p>",
            ),
            (
                "q",
                "Who should you tell when you are worried about a student's safety?",
                "single",
                [
                    ("The Designated Safeguarding Lead (or deputy)", True, "Right."),
                    (
                        "Only the student's friends",
                        False,
                        "Concerns go to the DSL, who can make sure the right help follows.",
                    ),
                ],
                "<p>Your setting's safeguarding policy says how to reach the DSL.</p>",
            ),
        ],
    },
    {
        "slug": "looking-after-yourself",
        "title": "Looking after yourself",
        "estimated_minutes": 6,
        "content_note": "",
        "body": [
            (
                "p",
                "<p>Supporting young people can be demanding. Looking after your own wellbeing "
                "is part of doing the role well.</p>",
            ),
            (
                "p",
                "<ul><li>Talk things through with your DSL or line manager after a difficult "
                "conversation</li>"
                "<li>Know the support your employer offers, such as an employee assistance "
                "programme</li>"
                "<li>Keep to the role: you are one part of a network of support</li></ul>",
            ),
            ("signpost", "If you need to talk", ["Samaritans", "Shout", "NHS 111"]),
            (
                "q",
                "After a difficult conversation with a student, what is a good next step for you?",
                "single",
                [
                    ("Talk it through with your DSL or line manager", True, "Right."),
                    (
                        "Keep it to yourself so you do not worry anyone",
                        False,
                        "Talking it through helps you, and is part of good safeguarding practice.",
                    ),
                ],
                "<p>You do not have to carry it alone.</p>",
            ),
        ],
    },
    {
        "slug": "assessment",
        "title": "Assessment",
        "estimated_minutes": 6,
        "is_assessment": True,
        "questions_per_attempt": 5,
        "content_note": "",
        "body": [
            (
                "p",
                "<p>Five questions about this course, drawn from a larger set, so each attempt "
                "may ask different ones. You need 4 out of 5 to pass, and you can try again as "
                "many times as you like.</p>",
            ),
            (
                "q",
                "What is the role of a mental health first aider?",
                "single",
                [
                    ("To listen, reassure and help the young person reach support", True, "Right."),
                    (
                        "To diagnose and treat mental health conditions",
                        False,
                        "First aiders do not diagnose or treat.",
                    ),
                ],
                "<p>First aid is what you do until the right help is in place.</p>",
            ),
            (
                "q",
                "Which could be signs that a young person is struggling?",
                "multiple",
                [
                    ("A lasting drop in attendance", True, "Yes."),
                    ("Withdrawing from friends", True, "Yes."),
                    ("Enjoying a new school club", False, "This is not a warning sign."),
                ],
                "<p>Look for changes that last or get in the way of everyday life.</p>",
            ),
            (
                "q",
                "Can you promise a student that you will keep what they tell you secret?",
                "single",
                [
                    ("No: explain you may need to share it to keep them safe", True, "Right."),
                    ("Yes, always", False, "Safeguarding concerns must be shared with the DSL."),
                ],
                "<p>Being honest from the start keeps their trust.</p>",
            ),
            (
                "q",
                "Is it safe to ask a young person directly whether they are thinking about suicide?",
                "single",
                [
                    ("Yes", True, "Right: it does not put the idea in their head."),
                    ("No", False, "Asking directly is safe and shows you are ready to listen."),
                ],
                "<p>Clear, calm questions help young people talk.</p>",
            ),
            (
                "q",
                "A young person's life is at immediate risk. What do you do?",
                "single",
                [
                    ("Call 999, then follow your safeguarding procedures", True, "Right."),
                    ("Email the DSL and wait for a reply", False, "In an emergency, call 999 first."),
                ],
                "<p>Emergencies come first; safeguarding procedures follow.</p>",
            ),
            (
                "q",
                "A student tells you they have been hurting themselves. What helps most at first?",
                "single",
                [
                    ("Stay calm, listen and thank them for telling you", True, "Right."),
                    ("Tell them how upset you are", False, "Staying calm helps them keep talking."),
                    ("Promise not to tell anyone", False, "You may need to share it to keep them safe."),
                ],
                "<p>A calm, caring response makes it easier for a young person to accept help. "
                "Then follow your safeguarding procedures.</p>",
            ),
            (
                "q",
                "Who should you tell about a safeguarding concern for a student?",
                "single",
                [
                    ("Your designated safeguarding lead (DSL)", True, "Right."),
                    ("Other students in their class", False, "Share concerns only as your procedures say."),
                    ("No one, unless the student agrees", False, "Safeguarding concerns must be shared."),
                ],
                "<p>Your setting's safeguarding procedures say who to tell and how.</p>",
            ),
            (
                "q",
                "How can you look after yourself after supporting a young person?",
                "single",
                [
                    ("Talk it through with your DSL or line manager", False, ALSO_HELPS),
                    ("Use your staff support or employee assistance service", False, ALSO_HELPS),
                    ("Take a break and do something that helps you recharge", False, ALSO_HELPS),
                    ("All of these", True, "Right: each of these can help."),
                ],
                "<p>Supporting others can be hard. Asking for support yourself is part of the "
                "role.</p>",
                {"fixed": [3]},
            ),
        ],
    },
]
