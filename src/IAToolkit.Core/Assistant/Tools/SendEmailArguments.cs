using System.ComponentModel;
using System.Text.Json.Serialization;

namespace IAToolkit.Assistant.Tools;

/// <summary>
/// The arguments of <c>iat_send_email</c>, as <see cref="SendEmailPolicy"/> accepted them: no other argument (no cc,
/// bcc or header) is taken.
/// </summary>
/// <param name="To">Canonical, distinct recipients inside the company's policy.</param>
/// <param name="Subject">One line.</param>
/// <param name="Body">Markdown.</param>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed record SendEmailArguments(
    [property: Description("Recipient e-mail addresses, one per item, plain (name@example.com). Only the user's own address and the company's domains are accepted unless the company allows more.")] IReadOnlyList<string> To,
    [property: Description("One line.")] string Subject,
    [property: Description("The message, in Markdown.")] string Body);
