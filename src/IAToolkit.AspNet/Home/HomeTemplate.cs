namespace IAToolkit.AspNet.Home;

/// <summary>
/// A company's home page content, sanitized: the HTML before the sign-in widget's place and after it. Without a
/// <c>{{login}}</c> in the template the widget stands beside the content and <see cref="After"/> is empty.
/// </summary>
/// <param name="Before">The HTML up to <c>{{login}}</c> (all of it when there is none).</param>
/// <param name="After">The HTML after <c>{{login}}</c>.</param>
/// <param name="HasLoginSlot">Whether the template says where the sign-in widget goes.</param>
/// <param name="Language">The language the template is written in (<c>en</c>, <c>es</c>), or <see langword="null"/> for <c>home.html</c>.</param>
internal sealed record HomeTemplate(string Before, string After, bool HasLoginSlot, string? Language);
