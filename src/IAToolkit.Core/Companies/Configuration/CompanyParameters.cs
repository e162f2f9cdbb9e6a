using IAToolkit.Companies;
using IAToolkit.Companies.Configuration.Reading;

namespace IAToolkit.Companies.Configuration;

/// <summary>
/// The keys of <c>parameters</c> the framework reads, with their defaults. Every key, including free ones, is also
/// kept in <see cref="CompanyConfiguration.ParametersJson"/>.
/// </summary>
internal sealed record CompanyParameters
{
    /// <summary><c>verify_account</c>: new accounts confirm their e-mail first; true when not given.</summary>
    public bool VerifyAccount { get; init; } = true;

    /// <summary><c>signup</c>: self sign-up on or off, and the e-mail domains allowed.</summary>
    public SignUpSettings SignUp { get; init; } = new();

    /// <summary><c>user_feedback</c>, or <see langword="null"/> when feedback is not forwarded anywhere.</summary>
    public UserFeedbackSettings? UserFeedback { get; init; }

    /// <summary><c>cors_origin</c>: the origins allowed to call the APIs from a browser.</summary>
    public IReadOnlyList<string> CorsOrigins { get; init; } = [];

    /// <summary>
    /// <c>external_urls.logout_url</c>: where the user goes after logout, an absolute http(s) URL or a path such as
    /// <c>/portal</c>; <see langword="null"/> (absent or empty) means the company home.
    /// </summary>
    public Uri? LogoutUrl { get; init; }
}
