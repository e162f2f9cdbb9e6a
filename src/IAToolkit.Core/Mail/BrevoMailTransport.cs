using System.Globalization;
using System.Net.Http.Headers;
using IAToolkit.Companies;
using IAToolkit.Companies.Configuration;
using IAToolkit.Companies.Configuration.Reading;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IAToolkit.Mail;

/// <summary>Sends through Brevo's transactional e-mail API with the key <c>mail_provider.brevo_mail.brevo_api</c> names.</summary>
internal sealed class BrevoMailTransport : IMailTransport
{
    /// <summary>The name of the <see cref="HttpClient"/> registered for Brevo (its timeout is <see cref="MailOptions.Timeout"/>).</summary>
    public const string HttpClientName = "IAToolkit.Brevo";

    private readonly IHttpClientFactory _httpClientFactory;
    private readonly CompanySecrets _secrets;
    private readonly IOptions<MailOptions> _options;
    private readonly ILogger<BrevoMailTransport> _logger;

    public BrevoMailTransport(IHttpClientFactory httpClientFactory, CompanySecrets secrets, IOptions<MailOptions> options, ILogger<BrevoMailTransport> logger)
    {
        _httpClientFactory = httpClientFactory;
        _secrets = secrets;
        _options = options;
        _logger = logger;
    }

    public MailProvider Provider => MailProvider.BrevoMail;

    public async Task SendAsync(MailDelivery delivery, CancellationToken cancellationToken)
    {
        var key = MailVariables.Require(_secrets, delivery, delivery.Settings.BrevoApiKey);
        var endpoint = new Uri(_options.Value.BrevoBaseUrl.TrimEnd('/') + "/v3/smtp/email");
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = BrevoPayload.ToContent(BrevoPayload.Create(delivery)) };
        request.Headers.TryAddWithoutValidation("api-key", key);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

        string refusal;
        try
        {
            using var response = await _httpClientFactory.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (BrevoResponse.MessageId(response.StatusCode, body) is { } messageId)
            {
                MailLog.BrevoAccepted(_logger, delivery.Company.ShortName, messageId);
                return;
            }

            refusal = BrevoResponse.Failure(response.StatusCode, response.ReasonPhrase, body);
        }
        catch (HttpRequestException ex)
        {
            throw Failure(delivery, key, $"cannot reach {endpoint.GetLeftPart(UriPartial.Authority)} ({ex.Message}).", ex);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            var reason = string.Create(CultureInfo.InvariantCulture, $"{endpoint.GetLeftPart(UriPartial.Authority)} did not answer within {_options.Value.Timeout.TotalSeconds:0.#} s.");
            throw Failure(delivery, key, reason, ex);
        }

        throw Failure(delivery, key, refusal, null);
    }

    private static IAToolkitException Failure(MailDelivery delivery, string key, string reason, Exception? inner)
        => new(ErrorCodes.MailFailed, $"{delivery.FailurePrefix} through Brevo: {MailVariables.Redact(reason, key)}", inner);
}
