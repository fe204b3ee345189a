"""How a register row becomes one of our institution kinds.

The DfE register ("Get Information About Schools") names each establishment's type
(`TypeOfEstablishment (name)`) and type group (`EstablishmentTypeGroup (name)`). We map them:

| register type (or group)                                              | kind                   |
|-----------------------------------------------------------------------|------------------------|
| Higher education institutions; group "Universities"                   | university             |
| Further education (FurtherEducationType "Sixth Form College", or a    | sixth-form college     |
|   name with "sixth form college"); Sixth form centres; 16-19 academies |                        |
|   and 16-19 free schools                                              |                        |
| Further education (otherwise); group "Colleges"                       | further-education      |
|                                                                       |   college              |
| Pupil referral unit; alternative-provision academies and free schools | alternative provision  |
| Secure units; Special post 16 institution; Miscellaneous; Online      | other youth setting    |
|   provider; Institution funded by other government department;        |                        |
|   Service children's education; offshore/overseas/Welsh establishments|                        |
| everything else (maintained, academies, free, independent, special,   | school                 |
|   nursery, university technical colleges, studio schools)             |                        |

Some files (such as the shipped London extract) carry no type columns. Then a new institution's kind
is inferred from its phase and name: phase "16 plus" with "sixth form" in the name is a sixth-form
college, other "16 plus" rows named "college" are further-education colleges, and everything else is
a school. Importing such a file never changes the kind of an institution that already exists, so a
kind corrected in the admin (or set from a full file) is kept.
"""

from .models import InstitutionKind

UNIVERSITY_TYPES = {"higher education institutions", "higher education institution"}
SIXTH_FORM_TYPES = {
    "sixth form centres",
    "academy 16-19 converter",
    "academy 16 to 19 sponsor led",
    "academy 16-19 sponsor led",
    "free schools 16 to 19",
    "free schools 16-19",
}
AP_TYPES = {
    "pupil referral unit",
    "academy alternative provision converter",
    "academy alternative provision sponsor led",
    "free schools alternative provision",
}
OTHER_TYPES = {
    "secure units",
    "academy secure 16 to 19",
    "special post 16 institution",
    "miscellaneous",
    "online provider",
    "institution funded by other government department",
    "service children's education",
    "offshore schools",
    "british schools overseas",
    "welsh establishment",
}


def _norm(value: str) -> str:
    return " ".join((value or "").lower().replace("’", "'").split())


def kind_from_type(*, type_name: str, group_name: str, fe_type: str = "", name: str = "") -> str:
    """The kind for a row whose file has type columns."""
    kind_type, group = _norm(type_name), _norm(group_name)
    if kind_type in UNIVERSITY_TYPES or group == "universities":
        return InstitutionKind.UNIVERSITY
    if kind_type in SIXTH_FORM_TYPES:
        return InstitutionKind.SIXTH_FORM_COLLEGE
    if kind_type == "further education" or (not kind_type and group == "colleges"):
        if "sixth form" in _norm(fe_type) or "sixth form college" in _norm(name):
            return InstitutionKind.SIXTH_FORM_COLLEGE
        return InstitutionKind.FE_COLLEGE
    if kind_type in AP_TYPES:
        return InstitutionKind.ALTERNATIVE_PROVISION
    if kind_type in OTHER_TYPES:
        return InstitutionKind.OTHER_YOUTH_SETTING
    if not kind_type and group == "other types":
        return InstitutionKind.OTHER_YOUTH_SETTING
    return InstitutionKind.SCHOOL


def kind_from_phase(*, phase: str, name: str) -> str:
    """Best guess for a new institution when the file has no type columns."""
    if _norm(phase) == "16 plus":
        lowered = _norm(name)
        if "sixth form" in lowered:
            return InstitutionKind.SIXTH_FORM_COLLEGE
        if "college" in lowered:
            return InstitutionKind.FE_COLLEGE
    return InstitutionKind.SCHOOL
