namespace IAToolkit.AspNet.Endpoints;

/// <summary>A request body whose text fields <see cref="RequestText"/> checks before the endpoint runs.</summary>
internal interface ITextFields
{
    /// <summary>Each text field with its JSON name, and whether it may hold several lines (tab, CR and LF allowed).</summary>
    IEnumerable<TextField> TextFields();
}

/// <summary>One text field of a request.</summary>
/// <param name="Name">The field's name as the client sends it (<c>question</c>, <c>files[0].filename</c>, …).</param>
/// <param name="Value">Its value, or <see langword="null"/>.</param>
/// <param name="Multiline">Whether tab, CR and LF are allowed in it.</param>
internal readonly record struct TextField(string Name, string? Value, bool Multiline);
