"""`factcheck extract`: a footnoted document (plain text, Markdown, HTML, wikitext, PDF,
Word) turned into a draft claim file that a researcher reviews.

Two halves meet in `structure`: readers (`readers`) turn a document's bytes into paragraphs,
sentences with their footnote markers, and the notes those markers point to; drafting
(`draft`) turns that structure into claims, sources and footnotes.
"""
