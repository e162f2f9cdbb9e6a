using System.Text;

namespace IAToolkit.Downloads;

/// <summary>
/// A file name a model or a company tool suggests, made safe to store and to offer for download: no directory part,
/// only letters (any language), digits, space, <c>-</c>, <c>_</c> and <c>.</c> (anything else becomes <c>_</c>), no
/// leading dot, at most 100 characters.
/// </summary>
internal static class DownloadFileName
{
    private const int MaxLength = 100;

    /// <summary>The safe form of <paramref name="requested"/>, or <paramref name="fallback"/> when nothing usable is left.</summary>
    public static string Sanitize(string? requested, string fallback)
    {
        var name = (requested ?? string.Empty).Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        var safe = new StringBuilder(name.Length);
        foreach (var c in name.Normalize(NormalizationForm.FormC))
        {
            var kept = char.IsLetterOrDigit(c) || c is ' ' or '-' or '_' or '.' ? c : '_';
            if (!(kept is '_' or ' ' or '.' && safe.Length > 0 && safe[^1] == kept))
            {
                safe.Append(kept);
            }
        }

        var trimmed = safe.ToString().Trim(' ', '.', '_', '-');
        if (trimmed.Length > MaxLength)
        {
            var dot = trimmed.LastIndexOf('.');
            var extension = dot > 0 && trimmed.Length - dot <= 10 ? trimmed[dot..] : string.Empty;
            trimmed = trimmed[..(MaxLength - extension.Length)].TrimEnd(' ', '.', '_', '-') + extension;
        }

        return trimmed.Length == 0 ? fallback : trimmed;
    }
}
