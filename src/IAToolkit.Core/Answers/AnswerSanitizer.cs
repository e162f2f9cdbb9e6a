using AngleSharp.Dom;
using Ganss.Xss;

namespace IAToolkit.Answers;

/// <summary>
/// One sanitizing pass over one answer's HTML: HtmlSanitizer with <see cref="AnswerHtmlPolicy"/>, then the chat page's
/// own rules (class names, link targets, images). A new instance per answer, so the counts of what went are its own.
/// </summary>
internal sealed class AnswerSanitizer
{
    private static readonly HashSet<string> TextAlignments = new(StringComparer.OrdinalIgnoreCase) { "left", "right", "center", "justify", "start", "end" };

    private readonly HtmlSanitizer _sanitizer;
    private readonly IReadOnlySet<string> _imageHosts;

    public AnswerSanitizer(HtmlSanitizerOptions options, IReadOnlySet<string> imageHosts)
    {
        _imageHosts = imageHosts;
        _sanitizer = new HtmlSanitizer(options) { KeepChildNodes = true };
        _sanitizer.RemovingTag += OnRemovingTag;
        _sanitizer.RemovingAttribute += OnRemovingAttribute;
        _sanitizer.RemovingStyle += (_, _) => Removed++;
        _sanitizer.RemovingCssClass += (_, _) => Removed++;
        _sanitizer.FilterUrl += OnFilterUrl;
        _sanitizer.PostProcessNode += OnPostProcessNode;
    }

    /// <summary>How many elements, attributes, styles or classes were removed.</summary>
    public int Removed { get; private set; }

    /// <summary>What was removed that only an attack puts there (scripts, handlers, script URLs), the first one first.</summary>
    public List<string> ActiveContent { get; } = [];

    public string Sanitize(string html) => _sanitizer.Sanitize(html);

    private void OnRemovingTag(object? sender, RemovingTagEventArgs e)
    {
        Removed++;
        if (AnswerHtmlPolicy.DroppedWithContent.Contains(e.Tag.LocalName))
        {
            ActiveContent.Add($"<{e.Tag.LocalName}>");
            e.Tag.Remove();
            e.Cancel = true;
        }
    }

    private void OnRemovingAttribute(object? sender, RemovingAttributeEventArgs e)
    {
        Removed++;
        var name = e.Attribute.Name;
        if (name.StartsWith("on", StringComparison.OrdinalIgnoreCase) || e.Reason == RemoveReason.NotAllowedUrlValue)
        {
            ActiveContent.Add($"{e.Tag.LocalName} {name}");
        }
    }

    // Second line of defence after the scheme allow-list: the address as a browser would read it.
    private void OnFilterUrl(object? sender, FilterUrlEventArgs e)
    {
        if (e.SanitizedUrl is { } url && !SafeUrls.IsAllowedLink(url))
        {
            e.SanitizedUrl = null;
        }
    }

    private void OnPostProcessNode(object? sender, PostProcessNodeEventArgs e)
    {
        if (e.Node is not IElement element)
        {
            return;
        }

        KeepSafeClasses(element);
        KeepTextAlignOnly(element);
        switch (element.LocalName)
        {
            case "a":
                MarkExternalLink(element);
                break;
            case "img":
                foreach (var replacement in ImageOrLink(e.Document, element))
                {
                    e.ReplacementNodes.Add(replacement);
                }

                break;
        }
    }

    private void KeepSafeClasses(IElement element)
    {
        if (element.GetAttribute("class") is not { } classes)
        {
            return;
        }

        var names = classes.Split([' ', '\t', '\n', '\r', '\f'], StringSplitOptions.RemoveEmptyEntries);
        var kept = names.Where(SafeClassNames.IsAllowed).Distinct(StringComparer.Ordinal).ToArray();
        Removed += names.Length - kept.Length;
        if (kept.Length == 0)
        {
            element.RemoveAttribute("class");
        }
        else
        {
            element.SetAttribute("class", string.Join(' ', kept));
        }
    }

    private void KeepTextAlignOnly(IElement element)
    {
        if (element.GetAttribute("style") is not { } style)
        {
            return;
        }

        var parts = style.Split(':', 2, StringSplitOptions.TrimEntries);
        var value = parts.Length == 2 ? parts[1].TrimEnd(';', ' ') : string.Empty;
        if (parts.Length == 2 && parts[0].Equals("text-align", StringComparison.OrdinalIgnoreCase) && TextAlignments.Contains(value))
        {
            element.SetAttribute("style", $"text-align: {value.ToLowerInvariant()}");
            return;
        }

        Removed++;
        element.RemoveAttribute("style");
    }

    private static void MarkExternalLink(IElement link)
    {
        if (link.GetAttribute("href") is { } href && SafeUrls.IsExternal(href))
        {
            link.SetAttribute("target", "_blank");
            link.SetAttribute("rel", "noopener noreferrer");
        }
    }

    // An image loads by itself; only the configured hosts may make it. Any other https image becomes a link to click.
    private List<INode> ImageOrLink(IDocument document, IElement image)
    {
        var src = image.GetAttribute("src");
        var host = src is null ? null : SafeUrls.HttpsHost(src);
        if (host is not null && _imageHosts.Contains(host))
        {
            return [];
        }

        Removed++;
        var text = image.GetAttribute("alt") is { Length: > 0 } alt ? alt : src ?? string.Empty;
        if (host is null)
        {
            return [document.CreateTextNode(text)];
        }

        var link = document.CreateElement("a");
        link.SetAttribute("href", src!);
        link.TextContent = text;
        MarkExternalLink(link);
        return [link];
    }
}
