using System.Globalization;
using System.Net;
using StackExchange.Redis;

namespace IAToolkit.Configuration;

/// <summary>
/// Turns <c>REDIS_URL</c> as deployments write it (<c>redis://[:password@]host:port/db</c>, <c>rediss://</c> for TLS,
/// or StackExchange.Redis's own <c>host:port,password=…</c> form) into client options.
/// </summary>
internal static class RedisUrl
{
    /// <summary>Parses <paramref name="value"/>.</summary>
    /// <exception cref="FormatException">The value is not a Redis URL; the message never contains the password.</exception>
    public static ConfigurationOptions ToConfigurationOptions(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var text = value.Trim();
        if (text.Length == 0)
        {
            throw new FormatException("is empty");
        }

        ConfigurationOptions options;
        if (text.Contains("://", StringComparison.Ordinal))
        {
            options = FromUrl(text);
        }
        else
        {
            try
            {
                options = ConfigurationOptions.Parse(text);
            }
            catch (ArgumentException ex)
            {
                throw new FormatException($"is neither a redis:// URL nor a valid StackExchange.Redis configuration ({ex.Message})", ex);
            }
        }

        if (options.EndPoints.Count == 0)
        {
            throw new FormatException("names no host; write redis://host:6379/0");
        }

        // The host must start (and answer /health/ready with 503) while Redis is down, and reconnect later.
        options.AbortOnConnectFail = false;
        return options;
    }

    /// <summary>Shows an endpoint as <c>host:port</c>.</summary>
    public static string Describe(EndPoint endPoint) => endPoint switch
    {
        DnsEndPoint dns => string.Create(CultureInfo.InvariantCulture, $"{dns.Host}:{dns.Port}"),
        _ => endPoint.ToString() ?? string.Empty,
    };

    private static ConfigurationOptions FromUrl(string text)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Host.Length == 0)
        {
            throw new FormatException("is not a valid URL; write redis://[:password@]host:6379/0");
        }

        var options = new ConfigurationOptions();
        options.Ssl = uri.Scheme switch
        {
            "redis" => false,
            "rediss" => true,
            _ => throw new FormatException($"uses the scheme '{uri.Scheme}'; use redis:// or rediss://"),
        };
        options.EndPoints.Add(uri.IdnHost, uri.IsDefaultPort || uri.Port < 0 ? 6379 : uri.Port);
        if (uri.UserInfo.Length > 0)
        {
            var colon = uri.UserInfo.IndexOf(':', StringComparison.Ordinal);
            var user = Uri.UnescapeDataString(colon >= 0 ? uri.UserInfo[..colon] : string.Empty);
            var password = Uri.UnescapeDataString(colon >= 0 ? uri.UserInfo[(colon + 1)..] : uri.UserInfo);
            options.User = user.Length > 0 ? user : null;
            options.Password = password.Length > 0 ? password : null;
        }

        var path = uri.AbsolutePath.Trim('/');
        if (path.Length > 0)
        {
            options.DefaultDatabase = int.TryParse(path, NumberStyles.None, CultureInfo.InvariantCulture, out var db)
                ? db
                : throw new FormatException($"has an invalid database number '{path}'");
        }

        return options;
    }
}
