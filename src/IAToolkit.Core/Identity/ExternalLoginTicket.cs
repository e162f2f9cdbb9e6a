using System.Text.Json.Serialization;

namespace IAToolkit.Identity;

/// <summary>What an external login token stands for: a user of a company, as the company described them.</summary>
/// <param name="CompanyShortName">The company the token was issued for.</param>
/// <param name="UserIdentifier">The portal's identifier of the user.</param>
/// <param name="Email">The e-mail the company returned, if any.</param>
/// <param name="FullName">The name the company returned, if any.</param>
internal sealed record ExternalLoginTicket(
    [property: JsonPropertyName("company")] string CompanyShortName,
    [property: JsonPropertyName("user_identifier")] string UserIdentifier,
    [property: JsonPropertyName("email")] string? Email,
    [property: JsonPropertyName("full_name")] string? FullName);
