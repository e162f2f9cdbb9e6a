namespace SampleCompany.SampleData.Documents;

/// <summary>One numbered section of a <see cref="DocumentOutline"/>.</summary>
/// <param name="Heading">The heading without its number, e.g. <c>Working hours</c>.</param>
/// <param name="Paragraphs">The paragraphs; one that starts with <c>- </c> is a bullet.</param>
internal sealed record DocumentSection(string Heading, IReadOnlyList<string> Paragraphs);
