"""Sample course content for demonstrating the platform, written in line with Samaritans'
safe-messaging guidance: no method detail, hopeful, support always close at hand, no statistics.

Each module body is a list of tuples that `courses.demo` turns into StreamField blocks:
("p", html) ("h2", text) ("h3", text) ("callout", kind, title, html) ("signpost", title, [names])
("reflect", prompt, hint) ("q", prompt, kind, [(option, is_correct, feedback)], explanation_html)
and optionally, last, {"fixed": [option positions kept in place when options are shuffled]}.
Assessments draw `questions_per_attempt` of their questions for each attempt.
"""
