using IAToolkit.Companies;
using IAToolkit.Companies.Configuration.Reading;

namespace IAToolkit.Companies.Configuration;

/// <summary><c>parameters.user_feedback</c>.</summary>
/// <param name="Channel"><c>channel</c>.</param>
/// <param name="Destination"><c>destination</c>: an e-mail address or a Google Chat space; required for e-mail.</param>
internal sealed record UserFeedbackSettings(FeedbackChannel Channel, string? Destination);
