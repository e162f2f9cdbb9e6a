using System.Text.Json;
using IAToolkit.AspNet.Localization;

namespace IAToolkit.AspNet.Pages;

/// <summary>
/// What the chat page needs beyond <see cref="PageModel"/>: its texts, who is signed in and the limits of an attached
/// file. Public only because the page, a Razor component, must be public and take it as a parameter; a host cannot
/// create or read one.
/// </summary>
public sealed class ChatModel
{
    private static readonly JsonSerializerOptions s_json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    internal ChatModel(ChatText text, string userName, string userKey, IReadOnlyList<string> fileExtensions, long maxFileBytes, int maxFiles)
    {
        Text = text;
        UserName = userName;
        UserKey = userKey;
        FileExtensions = fileExtensions;
        MaxFileBytes = maxFileBytes;
        MaxFiles = maxFiles;
    }

    internal ChatText Text { get; }

    /// <summary>The signed-in user's display name.</summary>
    internal string UserName { get; }

    /// <summary>
    /// A short hash of the company and the user: the key under which the browser remembers this user's choices (model,
    /// onboarding seen), so that two people sharing a browser do not share them and no e-mail address sits in storage.
    /// </summary>
    internal string UserKey { get; }

    /// <summary>The extensions a file attached to a question may have, e.g. <c>.pdf</c>.</summary>
    internal IReadOnlyList<string> FileExtensions { get; }

    internal long MaxFileBytes { get; }

    internal int MaxFiles { get; }

    /// <summary>The types as people read them: <c>PDF, DOCX, XLSX, TXT, MD</c>.</summary>
    internal string FileTypes => string.Join(", ", FileExtensions.Select(e => e.TrimStart('.').ToUpperInvariant()));

    internal string MaxFileMegabytes => (MaxFileBytes / (1024.0 * 1024)).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// The texts as JSON for the page's data block. The default encoder escapes &lt;, &gt; and &amp;, so no text can
    /// close the block or start markup inside it.
    /// </summary>
    internal string TextsJson => JsonSerializer.Serialize(Text, s_json);
}
