"""Editors get a clear error under the right field for content that would shut learners out."""

import pytest
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail_factories import ImageFactory

from cms.blocks import ContentStreamBlock, ImageBlock, VideoBlock

VIDEO_URL = "https://video.example.org/listening"


@pytest.fixture
def example_videos(settings):
    settings.WAGTAILEMBEDS_FINDERS = [{"class": "tests.cms.embed_finder"}]


def clean(block, raw):
    return block.clean(block.to_python(raw))


@pytest.mark.django_db
def test_image_without_alt_text_is_refused_under_the_alt_text_field():
    image = ImageFactory()
    with pytest.raises(StructBlockValidationError) as caught:
        clean(ImageBlock(), {"image": image.pk, "alt_text": "  ", "decorative": False, "caption": ""})
    assert set(caught.value.block_errors) == {"alt_text"}
    assert "Add alt text" in caught.value.block_errors["alt_text"].messages[0]


@pytest.mark.django_db
def test_decorative_image_needs_no_alt_text_and_renders_empty_alt():
    image = ImageFactory()
    value = clean(ImageBlock(), {"image": image.pk, "alt_text": "", "decorative": True, "caption": ""})
    html = ImageBlock().render(value)
    assert 'alt=""' in html


@pytest.mark.django_db
def test_image_with_alt_text_renders_it_escaped():
    image = ImageFactory()
    raw = {
        "image": image.pk,
        "alt_text": "Two people <talking> on a bench",
        "decorative": False,
        "caption": "Listening takes time",
    }
    html = ImageBlock().render(clean(ImageBlock(), raw))
    assert 'alt="Two people &lt;talking&gt; on a bench"' in html
    assert "<figcaption>Listening takes time</figcaption>" in html


@pytest.mark.django_db
def test_missing_image_and_missing_alt_text_are_both_reported():
    with pytest.raises(StructBlockValidationError) as caught:
        clean(ImageBlock(), {"image": None, "alt_text": "", "decorative": False, "caption": ""})
    assert {"image", "alt_text"} <= set(caught.value.block_errors)


@pytest.mark.django_db
def test_video_without_transcript_is_refused_under_the_transcript_field(example_videos):
    for transcript in ["", "<p></p>", "<p> &nbsp; </p>"]:
        with pytest.raises(StructBlockValidationError) as caught:
            clean(VideoBlock(), {"title": "Listening", "video": VIDEO_URL, "transcript": transcript})
        assert set(caught.value.block_errors) == {"transcript"}
        assert "transcript" in caught.value.block_errors["transcript"].messages[0]


@pytest.mark.django_db
def test_video_with_transcript_renders_player_and_transcript(example_videos):
    raw = {"title": "Listening", "video": VIDEO_URL, "transcript": "<p>Narrator: hello.</p>"}
    html = VideoBlock().render(clean(VideoBlock(), raw))
    assert f'src="{VIDEO_URL}/player"' in html
    assert "Read the transcript" in html and "Narrator: hello." in html


@pytest.mark.django_db
def test_video_with_bad_url_and_no_transcript_reports_both(example_videos):
    with pytest.raises(StructBlockValidationError) as caught:
        clean(VideoBlock(), {"title": "x", "video": "https://nowhere.invalid/v", "transcript": ""})
    assert {"video", "transcript"} <= set(caught.value.block_errors)


def test_shared_stream_offers_images_and_videos():
    assert {"paragraph", "heading", "image", "video", "callout", "signpost"} <= set(
        ContentStreamBlock().child_blocks
    )


@pytest.mark.django_db
def test_page_images_and_their_renditions_load_in_one_query(django_assert_num_queries):
    images = [ImageFactory() for _ in range(3)]
    for image in images:
        image.get_rendition("max-1000x1000")
    stream = ContentStreamBlock()
    raw = [
        {
            "type": "image",
            "id": str(i),
            "value": {"image": img.pk, "alt_text": "a", "decorative": False, "caption": ""},
        }
        for i, img in enumerate(images)
    ]
    with django_assert_num_queries(2):  # images, then their prefetched renditions
        html = stream.render(stream.to_python(raw))
    assert html.count("<img") == 3
