using System.Globalization;
using Npgsql;

namespace IAToolkit.Configuration;

/// <summary>
/// Turns a database setting as deployments write it (<c>postgresql://user:pass@host:5432/db?sslmode=require</c>,
/// SQLAlchemy's <c>postgresql+psycopg2://…</c>, or Npgsql's keyword form) into an Npgsql connection string.
/// Public for a company's own code that reads a connection from a variable of its own written the same way as
/// <c>DATABASE_URI</c> (the sample's <c>populate-sample-db</c> reads its writer's URL so), since Npgsql reads no URL.
/// </summary>
public static class DatabaseUri
{
    private static readonly Dictionary<string, string> s_libpqParameters = new(StringComparer.OrdinalIgnoreCase)
    {
        ["sslmode"] = "SSL Mode",
        ["connect_timeout"] = "Timeout",
        ["application_name"] = "Application Name",
        ["target_session_attrs"] = "Target Session Attributes",
        ["options"] = "Options",
        ["sslcert"] = "SSL Certificate",
        ["sslkey"] = "SSL Key",
        ["sslrootcert"] = "Root Certificate",
        ["sslpassword"] = "SSL Password",
        ["keepalives_idle"] = "Keepalive",
        ["host"] = "Host",
        ["port"] = "Port",
        ["user"] = "Username",
        ["password"] = "Password",
        ["dbname"] = "Database",
    };

    /// <summary>Converts <paramref name="value"/> to an Npgsql connection string.</summary>
    /// <exception cref="FormatException">The value is not a PostgreSQL URL or connection string; the message never contains the password.</exception>
    public static string ToConnectionString(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var text = value.Trim();
        if (text.Length == 0)
        {
            throw new FormatException("is empty");
        }

        var schemeEnd = text.IndexOf("://", StringComparison.Ordinal);
        return schemeEnd < 0 ? FromKeywords(text) : FromUrl(text, schemeEnd);
    }

    private static string FromKeywords(string text)
    {
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(text);
            if (string.IsNullOrEmpty(builder.Host))
            {
                throw new FormatException("has no Host; write postgresql://user:password@host:5432/database or Host=...;Database=...");
            }

            return builder.ConnectionString;
        }
        catch (ArgumentException ex)
        {
            throw new FormatException($"is neither a postgresql:// URL nor a valid connection string ({ex.Message})", ex);
        }
    }

    private static string FromUrl(string text, int schemeEnd)
    {
        var scheme = text[..schemeEnd];
        var plus = scheme.IndexOf('+', StringComparison.Ordinal);
        if (plus >= 0)
        {
            scheme = scheme[..plus];
        }

        if (!scheme.Equals("postgresql", StringComparison.OrdinalIgnoreCase) && !scheme.Equals("postgres", StringComparison.OrdinalIgnoreCase))
        {
            throw new FormatException($"uses the scheme '{scheme}', but IAToolkit needs PostgreSQL: postgresql://user:password@host:5432/database");
        }

        var rest = text[(schemeEnd + 3)..];
        string? query = null;
        var questionMark = rest.IndexOf('?', StringComparison.Ordinal);
        if (questionMark >= 0)
        {
            query = rest[(questionMark + 1)..];
            rest = rest[..questionMark];
        }

        var builder = new NpgsqlConnectionStringBuilder();
        var at = rest.LastIndexOf('@');
        var slash = rest.IndexOf('/', at + 1);
        if (slash >= 0)
        {
            var database = Uri.UnescapeDataString(rest[(slash + 1)..]);
            if (database.Length > 0)
            {
                builder.Database = database;
            }

            rest = rest[..slash];
        }

        if (at >= 0)
        {
            var userInfo = rest[..at];
            rest = rest[(at + 1)..];
            var colon = userInfo.IndexOf(':', StringComparison.Ordinal);
            builder.Username = Uri.UnescapeDataString(colon >= 0 ? userInfo[..colon] : userInfo);
            if (colon >= 0)
            {
                builder.Password = Uri.UnescapeDataString(userInfo[(colon + 1)..]);
            }
        }

        SetHosts(builder, Uri.UnescapeDataString(rest));
        if (query is not null)
        {
            SetQueryParameters(builder, query);
        }

        if (string.IsNullOrEmpty(builder.Host))
        {
            throw new FormatException("has no host; write postgresql://user:password@host:5432/database");
        }

        return builder.ConnectionString;
    }

    private static void SetHosts(NpgsqlConnectionStringBuilder builder, string hosts)
    {
        if (hosts.Length == 0)
        {
            return;
        }

        if (hosts.Contains(',', StringComparison.Ordinal))
        {
            // Npgsql reads "host1:port1,host2:port2" itself.
            builder.Host = hosts;
            return;
        }

        var host = hosts;
        string? port = null;
        if (host.StartsWith('['))
        {
            var close = host.IndexOf(']', StringComparison.Ordinal);
            if (close < 0)
            {
                throw new FormatException("has an unterminated IPv6 address");
            }

            port = close + 1 < host.Length && host[close + 1] == ':' ? host[(close + 2)..] : null;
            host = host[1..close];
        }
        else if (host.LastIndexOf(':') is var colon and >= 0)
        {
            port = host[(colon + 1)..];
            host = host[..colon];
        }

        builder.Host = host;
        if (!string.IsNullOrEmpty(port))
        {
            builder.Port = int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number is > 0 and < 65536
                ? number
                : throw new FormatException($"has an invalid port '{port}'");
        }
    }

    private static void SetQueryParameters(NpgsqlConnectionStringBuilder builder, string query)
    {
        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var key = Uri.UnescapeDataString(equals >= 0 ? pair[..equals] : pair);
            var value = equals >= 0 ? Uri.UnescapeDataString(pair[(equals + 1)..].Replace('+', ' ')) : string.Empty;
            var keyword = s_libpqParameters.GetValueOrDefault(key, key);
            if (keyword == "SSL Mode")
            {
                value = value.Replace("-", string.Empty, StringComparison.Ordinal);
            }

            try
            {
                builder[keyword] = value;
            }
            catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidCastException or OverflowException)
            {
                throw new FormatException($"has an unsupported or invalid parameter '{key}' ({ex.Message})", ex);
            }
        }
    }
}
