"""The StreamField block library shared by every page body on every site."""

from wagtail import blocks


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
        description = (
            "A heading that breaks the page into parts; screen readers use it to navigate."
        )
        preview_value = {"text": "Why a human rights city?", "level": "h2"}


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


class ParagraphBlock(blocks.RichTextBlock):
    class Meta:
        icon = "pilcrow"
        template = "blocks/paragraph_block.html"
        description = "Text with headings, links and lists."
        preview_value = "<p>Residents organize so that local policy puts people's needs first.</p>"


class BodyBlock(blocks.StreamBlock):
    paragraph = ParagraphBlock(features=["bold", "italic", "link", "ol", "ul", "h3"])
    heading = HeadingBlock()
    quote = QuoteBlock()

    class Meta:
        block_counts = {}
