namespace IAToolkit.AspNet.Security;

/// <summary>The names of the framework's authentication schemes, policy and claims.</summary>
internal static class IAToolkitAuthentication
{
    /// <summary>The browser session (cookie).</summary>
    public const string SessionScheme = "IAToolkit.Session";

    /// <summary><c>Authorization: Bearer &lt;API key&gt;</c>.</summary>
    public const string ApiKeyScheme = "IAToolkit.ApiKey";

    /// <summary>Session or API key, for the company in the route.</summary>
    public const string ApiPolicy = "IAToolkit.Api";

    /// <summary>The short name of the company the principal belongs to.</summary>
    public const string CompanyClaim = "iat:company";

    /// <summary><c>local</c>, <c>external</c> or <c>api_key</c>.</summary>
    public const string AuthTypeClaim = "iat:auth";

    /// <summary>The language a local user chose (<c>en</c>, <c>es</c>).</summary>
    public const string LanguageClaim = "iat:lang";

    /// <summary>The user's security stamp when the session began; a session whose stamp is no longer current is refused.</summary>
    public const string StampClaim = "iat:stamp";

    /// <summary>The id of a local user, or of an API key.</summary>
    public const string IdClaim = "iat:id";
}
