using System.Net.Http.Json;
using Dapper;
using IAToolkit.Companies;
using IAToolkit.Companies.Configuration;
using IAToolkit.Companies.Configuration.Reading;
using IAToolkit.Database;
using IAToolkit.Mail;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace IAToolkit.Assistant;

/// <summary>
/// Stores a user's rating and comment, then forwards it as <c>parameters.user_feedback</c> says: by e-mail to its
/// destination, or to a Google Chat space through the webhook in <c>GOOGLE_CHAT_BOT_URL</c>. Forwarding is best
/// effort: the feedback is kept even when the mail or webhook fails.
/// </summary>
internal sealed partial class FeedbackService
{
    /// <summary>The variable holding the Google Chat webhook, as in the Python project.</summary>
    public const string GoogleChatVariable = "GOOGLE_CHAT_BOT_URL";

    /// <summary>The named HTTP client for the webhook.</summary>
    public const string HttpClientName = "IAToolkit.GoogleChat";

    private const int MaxMessageLength = 4000;

    private const string InsertSql = "INSERT INTO iat_feedback (company_id, user_identifier, rating, message) VALUES (@CompanyId, @UserIdentifier, @Rating, @Message)";

    private readonly CoreDatabase _database;
    private readonly IMailService _mail;
    private readonly IHttpClientFactory _http;
    private readonly IConfiguration _configuration;
    private readonly ILogger<FeedbackService> _logger;

    public FeedbackService(CoreDatabase database, IMailService mail, IHttpClientFactory http, IConfiguration configuration, ILogger<FeedbackService> logger)
    {
        _database = database;
        _mail = mail;
        _http = http;
        _configuration = configuration;
        _logger = logger;
    }

    public async Task SubmitAsync(Company company, string userIdentifier, int? rating, string? message, CancellationToken cancellationToken)
    {
        var text = message?.Trim();
        if (rating is not (>= 1 and <= MailTemplates.MaxRating) || string.IsNullOrEmpty(text))
        {
            throw new IAToolkitException(ErrorCodes.InvalidRequest, $"Feedback needs a rating from 1 to {MailTemplates.MaxRating} and a message.");
        }

        if (text.Length > MaxMessageLength)
        {
            throw new IAToolkitException(ErrorCodes.InvalidRequest, $"The feedback message is longer than {MaxMessageLength} characters.");
        }

        await using (var connection = await _database.OpenConnectionAsync(cancellationToken))
        {
            await connection.ExecuteAsync(new CommandDefinition(InsertSql, new { CompanyId = company.Id, UserIdentifier = userIdentifier, Rating = rating, Message = text }, cancellationToken: cancellationToken));
        }

        try
        {
            await ForwardAsync(company, userIdentifier, rating.Value, text, cancellationToken);
        }
        catch (Exception ex) when (ex is IAToolkitException or HttpRequestException or TaskCanceledException)
        {
            NotForwarded(_logger, company.ShortName, ex.Message);
        }
    }

    private async Task ForwardAsync(Company company, string userIdentifier, int rating, string message, CancellationToken cancellationToken)
    {
        var settings = company.Configuration.Parameters.UserFeedback;
        switch (settings?.Channel)
        {
            case FeedbackChannel.Email when !string.IsNullOrEmpty(settings.Destination):
                var mail = MailTemplates.FeedbackNotification(company, company.Configuration.Language, userIdentifier, rating, message);
                await _mail.SendAsync(company, mail.ToMessage(settings.Destination), cancellationToken);
                break;
            case FeedbackChannel.GoogleChat:
                var webhook = _configuration[GoogleChatVariable];
                if (!Uri.TryCreate(webhook, UriKind.Absolute, out var url))
                {
                    throw new IAToolkitException(ErrorCodes.InvalidSettings, $"{GoogleChatVariable} is not set, so feedback cannot reach Google Chat.");
                }

                // The Python project's bot payload, so an existing Google Chat bot keeps working.
                var text = $"Feedback for {company.Configuration.Name} from {userIdentifier}: {new string('★', rating)}{new string('☆', MailTemplates.MaxRating - rating)}\n{message}";
                var body = new { type = "MESSAGE_TRIGGER", space = new { name = settings.Destination }, message = new { text } };
                using (var response = await _http.CreateClient(HttpClientName).PostAsJsonAsync(url, body, cancellationToken))
                {
                    response.EnsureSuccessStatusCode();
                }

                break;
        }
    }

    [LoggerMessage(1602, LogLevel.Warning, "Feedback for company {Company} was stored but not forwarded: {Reason}")]
    private static partial void NotForwarded(ILogger logger, string company, string reason);
}
