# British English dates as the platform has always printed them ("1 December 2026"); every other
# language uses Django's own formats for it (Polish "1 grudnia 2026", Arabic "1 ديسمبر، 2026").
DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y, H:i"
