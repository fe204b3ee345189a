"""The wording and colour a certificate is printed with when no template says otherwise: the one
place they are written (template defaults, the built-in wording snapshot and the renderer use them).
Certificates print in English for now; translating them is a separate decision (issue it)."""

DEFAULT_HEADING = "Certificate of completion"
DEFAULT_INTRO = "This is to certify that"
DEFAULT_COMPLETION_TEXT = "has completed"
DEFAULT_ACCENT_COLOUR = "#1d4f91"
