"""The accent colour a certificate is printed with when no template says otherwise: the one place
it is written (template default, the built-in wording snapshot and the renderer use it). The standard
wording (heading, "This is to certify that", "has completed") is printed, translated, wherever a
template leaves it blank: see `rendering.CertificateData`."""

DEFAULT_ACCENT_COLOUR = "#1d4f91"
