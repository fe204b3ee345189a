"""Personal data: what each app holds about a person, the "download my data" archive, and erasure.

Each app declares its personal data in its own `privacy.py` (a `PersonalData` entry registered from
its `AppConfig.ready()`); this app knows nothing of the apps beyond those declarations.
"""
