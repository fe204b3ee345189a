"""An oEmbed finder for tests: answers for https://video.example.org/ without the network, the way
a real provider would (Wagtail stores the result in its Embed table as usual)."""

from wagtail.embeds.finders.base import EmbedFinder


class ExampleVideoFinder(EmbedFinder):
    def accept(self, url):
        return url.startswith("https://video.example.org/")

    def find_embed(self, url, max_width=None, max_height=None):
        return {
            "title": "Example video",
            "type": "video",
            "html": f'<iframe title="Example video" src="{url}/player"></iframe>',
            "provider_name": "Example",
            "width": 640,
            "height": 360,
        }


embed_finder_class = ExampleVideoFinder
