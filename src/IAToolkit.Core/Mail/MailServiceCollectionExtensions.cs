using IAToolkit.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace IAToolkit.Mail;

/// <summary>Mail: <see cref="IMailService"/> with its SMTP and Brevo transports, and the outbox of account mails.</summary>
internal static class MailServiceCollectionExtensions
{
    public static IServiceCollection AddMail(this IServiceCollection services)
    {
        services.AddValidatedOptions<MailOptions, MailOptionsValidator>(MailOptions.SectionName);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IMailTransport, SmtpMailTransport>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IMailTransport, BrevoMailTransport>());
        services.TryAddSingleton<IMailService, MailService>();
        services.AddHttpClient(BrevoMailTransport.HttpClientName)
            .ConfigureHttpClient((sp, client) => client.Timeout = sp.GetRequiredService<IOptions<MailOptions>>().Value.Timeout)
            .RedactLoggedHeaders(_ => true);

        // Account mails leave the request path: queued here, sent by a hosted service.
        services.TryAddSingleton<MailOutbox>();
        services.AddHostedService<MailOutboxWorker>();
        return services;
    }
}
