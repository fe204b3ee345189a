import pytest

from certificates.codes import ALPHABET, CODE_LENGTH, format_code, generate_code, normalise_code


def test_codes_are_16_unambiguous_characters_carrying_80_bits():
    codes = {generate_code() for _ in range(2000)}
    assert len(codes) == 2000
    for code in codes:
        assert len(code) == CODE_LENGTH == 16
        assert set(code) <= set(ALPHABET)
        assert not set(code) & set("ILOU")
    assert len(ALPHABET) ** CODE_LENGTH == 2**80


def test_codes_are_printed_in_four_groups():
    assert format_code("7KQ2M9XD3HWPR4TB") == "7KQ2-M9XD-3HWP-R4TB"


@pytest.mark.parametrize(
    "typed",
    [
        "7KQ2-M9XD-3HWP-R4TB",
        "7kq2-m9xd-3hwp-r4tb",
        "7KQ2 M9XD 3HWP R4TB",
        " 7kq2m9xd3hwpr4tb ",
        "7KQ2–M9XD–3HWP–R4TB",  # en dashes, as word processors write them
    ],
)
def test_what_people_type_is_accepted(typed):
    assert normalise_code(typed) == "7KQ2M9XD3HWPR4TB"


def test_look_alike_letters_are_read_as_the_digits_they_resemble():
    assert normalise_code("OOOO-IIII-LLLL-oooo") == "0000111111110000"


@pytest.mark.parametrize(
    "typed", ["", "7KQ2-M9XD-3HWP", "7KQ2-M9XD-3HWP-R4TB-X", "UUUU-UUUU-UUUU-UUUU", "<script>", "x" * 500]
)
def test_anything_else_is_not_a_code(typed):
    assert normalise_code(typed) is None
