using IAToolkit.Companies;
using IAToolkit.Companies.Configuration.Reading;

namespace IAToolkit.Companies.Configuration;

/// <summary><c>parameters.user_feedback.channel</c>: where user feedback is forwarded.</summary>
internal enum FeedbackChannel
{
    /// <summary><c>email</c>: to the address in <c>destination</c>.</summary>
    Email,

    /// <summary><c>google_chat</c>: to the Google Chat space in <c>destination</c>.</summary>
    GoogleChat,
}
