namespace NewsMiner.Extraction;

/// <summary>
/// What one extraction produced. Exactly one of <see cref="Article"/> and <see cref="Error"/> is set.
/// <see cref="Dropped"/> says, block by block, what was left out and why (the "explain" view of a page).
/// </summary>
public sealed record ExtractionResult(Article? Article, IReadOnlyList<DroppedBlock> Dropped, string? Error)
{
    public bool Succeeded => Article is not null;
}

/// <summary>A block left out of the article: its first characters and a reason code from <see cref="DropReasons"/>.</summary>
public sealed record DroppedBlock(string Text, string Reason);

/// <summary>The reason codes of <see cref="DroppedBlock.Reason"/> and the error texts of <see cref="ExtractionResult.Error"/>.</summary>
public static class DropReasons
{
    public const string Navigation = "navigation";
    public const string RelatedNews = "related_news";
    public const string RatingWidget = "rating_widget";
    public const string VisitorCounter = "visitor_counter";
    public const string ShareLinks = "share_links";
    public const string CommentForm = "comment_form";
    public const string Footer = "footer";
    public const string Advertisement = "advertisement";
    public const string DuplicateCaption = "duplicate_caption";
    public const string DuplicateArticle = "duplicate_article";
    public const string DotPlaceholder = "dot_placeholder";
    public const string DateLine = "date_line";
    public const string Byline = "byline";
    public const string Title = "title";
    public const string TransportError = "transport_error";
    public const string EdgeLabel = "edge_label";
    public const string SiteProfile = "site_profile";
    public const string CookieNotice = "cookie_notice";
    /// <summary>The "about the author" box under a post: a biography, not the article.</summary>
    public const string AuthorBox = "author_box";
    /// <summary>The photographer or agency under a picture ("Foto: ..."): it names the picture's source, not the story's.</summary>
    public const string PhotoCredit = "photo_credit";
    /// <summary>A newsletter or subscription box inside or after the article.</summary>
    public const string Newsletter = "newsletter";
    /// <summary>An overlay shown over the page (a popup plugin's box), not part of the article.</summary>
    public const string Popup = "popup";
    /// <summary>An advertising, affiliate or editorial disclaimer box.</summary>
    public const string Disclaimer = "disclaimer";
    /// <summary>The reference list under a paper; its many commas must not make it outscore the text.</summary>
    public const string References = "references";

    public const string EmptyPageError = "empty page: no article text found";
    public const string TransportErrorError = "transport error text instead of a page";
}
