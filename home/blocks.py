"""The StreamField block library shared by every page body on every site.

Blocks that show shared content (principles, resources) store a reference and
render the snippet's current text in the reader's language, never a copy.
"""

from django.core.exceptions import ValidationError
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock as WagtailEmbedBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock

from home.locales import in_active_locale


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(
        max_length=120, help_text="A short heading for the next part of the page."
    )
    level = blocks.ChoiceBlock(
        choices=[("h2", "Section (H2)"), ("h3", "Subsection (H3)")],
        default="h2",
        help_text="Use sections for main parts, subsections inside them.",
    )

    class Meta:
        icon = "title"
        template = "blocks/heading_block.html"
        description = "A heading that breaks the page into parts; screen readers navigate by it."
        preview_value = {"text": "Why a human rights city?", "level": "h2"}


class ParagraphBlock(blocks.RichTextBlock):
    class Meta:
        icon = "pilcrow"
        template = "blocks/paragraph_block.html"
        description = "Text with bold, italics, links and lists."
        preview_value = "<p>Residents organize so that local policy puts people's needs first.</p>"


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(help_text="The words as spoken or written.")
    attribution = blocks.CharBlock(
        required=False, max_length=200, help_text="Who said it. A pseudonym is fine."
    )

    class Meta:
        icon = "openquote"
        template = "blocks/quote_block.html"
        description = "A quotation with who said it."
        preview_value = {
            "quote": "Human rights are made real where we live.",
            "attribution": "A chapter organizer",
        }


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock()
    alt_text = blocks.CharBlock(
        max_length=250,
        help_text="Describe what the image shows for people who cannot see it. Required.",
    )
    caption = blocks.CharBlock(required=False, max_length=250)
    credit = blocks.CharBlock(
        required=False, max_length=120, help_text="Who took or made it, if they want credit."
    )

    class Meta:
        icon = "image"
        template = "blocks/image_block.html"
        description = "A photograph or drawing with a description and an optional caption."
        preview_value = {"alt_text": "Neighbors at a tenants' meeting", "caption": "Spring 2025"}


class EmbedBlock(blocks.StructBlock):
    url = WagtailEmbedBlock(help_text="A link to a video or audio recording (YouTube, Vimeo…).")
    title = blocks.CharBlock(max_length=200, help_text="What the recording is, in a few words.")

    class Meta:
        icon = "media"
        template = "blocks/embed_block.html"
        description = "A video or audio recording from another site, with a link to it."
        preview_value = {"title": "Council hearing on water shutoffs"}


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock()
    label = blocks.CharBlock(
        required=False, max_length=120, help_text="Link text; the document's title if empty."
    )

    class Meta:
        icon = "doc-full"
        template = "blocks/document_link_block.html"
        description = "A link to download an uploaded document."
        preview_value = {"label": "Our human rights city resolution (PDF)"}


class CallToActionValue(blocks.StructValue):
    def get_url(self) -> str:
        page = self.get("page")
        return page.url if page else self.get("url", "")


class CallToActionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=120)
    text = blocks.TextBlock(required=False)
    button_label = blocks.CharBlock(max_length=60, help_text="e.g. 'Join the next meeting'.")
    page = blocks.PageChooserBlock(required=False, help_text="A page on this site…")
    url = blocks.URLBlock(required=False, help_text="…or a link elsewhere.")

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            raise blocks.StructBlockValidationError(
                block_errors={"url": ValidationError("Choose a page or give a link, not both.")}
            )
        return value

    class Meta:
        icon = "pick"
        template = "blocks/call_to_action_block.html"
        description = "A short invitation with one button."
        value_class = CallToActionValue
        preview_value = {
            "heading": "Get involved",
            "text": "We meet every second Tuesday.",
            "button_label": "Come to a meeting",
            "url": "https://example.org/",
        }


class PrincipleValue(blocks.StructValue):
    def principle_in_language(self):
        principle = self.get("principle")
        return in_active_locale([principle])[0] if principle else None


class PrincipleBlock(blocks.StructBlock):
    principle = SnippetChooserBlock("home.Principle", help_text="One of the shared principles.")

    class Meta:
        icon = "pick"
        template = "blocks/principle_block.html"
        description = "A shared principle, always in its current wording and the reader's language."
        value_class = PrincipleValue
        preview_value = {}


class ResourceListValue(blocks.StructValue):
    def resources_in_language(self) -> list:
        return in_active_locale([r for r in self.get("resources", []) if r])


class ResourceListBlock(blocks.StructBlock):
    heading = blocks.CharBlock(required=False, max_length=120)
    resources = blocks.ListBlock(SnippetChooserBlock("home.Resource"))

    class Meta:
        icon = "list-ul"
        template = "blocks/resource_list_block.html"
        description = "Readings from the shared library, shown as citations."
        value_class = ResourceListValue
        preview_value = {"heading": "Further reading", "resources": []}


class BodyBlock(blocks.StreamBlock):
    paragraph = ParagraphBlock(features=["bold", "italic", "link", "ol", "ul"])
    heading = HeadingBlock()
    image = ImageBlock()
    quote = QuoteBlock()
    embed = EmbedBlock()
    document = DocumentLinkBlock()
    call_to_action = CallToActionBlock()
    principle = PrincipleBlock()
    resources = ResourceListBlock()
