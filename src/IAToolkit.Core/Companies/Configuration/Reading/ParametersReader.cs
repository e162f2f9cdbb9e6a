using System.Text.RegularExpressions;
using IAToolkit.Companies;
using IAToolkit.Companies.Configuration;
using YamlDotNet.RepresentationModel;

namespace IAToolkit.Companies.Configuration.Reading;

/// <summary>Reads <c>parameters</c>: the keys the framework uses, typed, and the whole section as JSON (free keys are allowed).</summary>
internal static partial class ParametersReader
{
    public static (CompanyParameters Parameters, string Json) Read(YamlSection root)
    {
        var node = root.Get("parameters");
        if (node is null)
        {
            return (new CompanyParameters(), "{}");
        }

        if (node is not YamlMappingNode mapping)
        {
            root.Error("parameters", $"must be a mapping (key: value lines), not {YamlNodeKinds.Describe(node)}");
            return (new CompanyParameters(), "{}");
        }

        var section = new YamlSection(mapping, "parameters", root.Problems, freeForm: true);
        // parameters is free-form (the company's code reads its own keys), so 2.x's framework keys are named here.
        foreach (var key in new[] { "http_tools", "tool_router" })
        {
            if (section.Get(key) is not null && Unsupported2xKeys.Describe(section.KeyPath(key)) is { } message)
            {
                section.Warning(key, message);
            }
        }

        var external = section.Section("external_urls", freeForm: true);
        var parameters = new CompanyParameters
        {
            VerifyAccount = section.Boolean("verify_account", fallback: true),
            SignUp = ReadSignUp(section),
            UserFeedback = ReadFeedback(section),
            CorsOrigins = ReadOrigins(section),
            LogoutUrl = external is null ? null : ReadLogoutUrl(external),
        };

        try
        {
            return (parameters, YamlJson.ToCompactJson(mapping));
        }
        catch (InvalidDataException ex)
        {
            root.Error("parameters", ex.Message);
            return (parameters, "{}");
        }
    }

    private static UserFeedbackSettings? ReadFeedback(YamlSection parameters)
    {
        if (parameters.Section("user_feedback", freeForm: true) is not { } feedback)
        {
            return null;
        }

        var channel = ConfigurationEnums.FeedbackChannels.Read(feedback, "channel", required: true);
        var destination = feedback.String("destination", required: channel == FeedbackChannel.Email)?.Trim();
        if (channel == FeedbackChannel.Email && destination is not null && !MailAddresses.IsValid(destination))
        {
            feedback.Error("destination", $"'{destination}' is not an e-mail address");
        }

        return channel is { } value ? new UserFeedbackSettings(value, destination) : null;
    }

    private static SignUpSettings ReadSignUp(YamlSection parameters)
    {
        // Not free-form: a misspelt key (allowed_domain) is reported instead of silently allowing everyone.
        if (parameters.Section("signup") is not { } signup)
        {
            return new SignUpSettings();
        }

        var domains = new List<string>();
        foreach (var (path, item) in signup.List("allowed_domains") ?? [])
        {
            var domain = (item as YamlScalarNode)?.Value?.Trim().ToLowerInvariant();
            if (domain is not null && DomainShape().IsMatch(domain))
            {
                domains.Add(domain);
            }
            else
            {
                var found = domain is null ? YamlNodeKinds.Describe(item) : $"'{domain}'";
                parameters.Problems.Error(path, $"must be a domain such as example.com, or *.example.com for its subdomains, not {found}", ProblemCollector.LineOf(item));
            }
        }

        return new SignUpSettings { Enabled = signup.Boolean("enabled", fallback: true), AllowedDomains = domains };
    }

    private static List<string> ReadOrigins(YamlSection parameters)
    {
        var origins = new List<string>();
        foreach (var (path, item) in parameters.List("cors_origin") ?? [])
        {
            var origin = (item as YamlScalarNode)?.Value?.Trim();
            if (origin is "*" || (origin is not null && UrlValues.IsHttpUrl(origin, out _)))
            {
                origins.Add(origin);
            }
            else
            {
                var found = origin is null ? YamlNodeKinds.Describe(item) : $"'{origin}'";
                parameters.Problems.Error(path, $"must be an origin such as https://intranet.example.com, not {found}", ProblemCollector.LineOf(item));
            }
        }

        return origins;
    }

    private static Uri? ReadLogoutUrl(YamlSection external)
    {
        var text = external.String("logout_url")?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (UrlValues.IsHttpUrl(text, out var url))
        {
            return url;
        }

        if (text.StartsWith('/') && Uri.TryCreate(text, UriKind.Relative, out var relative))
        {
            return relative;
        }

        external.Error("logout_url", $"'{text}' is not an http or https URL or a path such as /portal");
        return null;
    }

    [GeneratedRegex(@"^(?:\*\.)?[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$", RegexOptions.CultureInvariant)]
    private static partial Regex DomainShape();
}
