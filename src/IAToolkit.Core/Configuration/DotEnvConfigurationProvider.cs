using Microsoft.Extensions.Configuration;

namespace IAToolkit.Configuration;

/// <summary>Loads a <c>.env</c> file into configuration; a malformed file fails with its path and line.</summary>
internal sealed class DotEnvConfigurationProvider : ConfigurationProvider
{
    private readonly string _path;

    public DotEnvConfigurationProvider(string path) => _path = path;

    public override void Load()
    {
        if (!File.Exists(_path))
        {
            Data = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            return;
        }

        try
        {
            var values = DotEnvFile.Parse(File.ReadAllText(_path));
            Data = values.ToDictionary(kv => kv.Key.Replace("__", ConfigurationPath.KeyDelimiter, StringComparison.Ordinal), kv => (string?)kv.Value, StringComparer.OrdinalIgnoreCase);
        }
        catch (FormatException ex)
        {
            throw new IAToolkitException(ErrorCodes.InvalidSettings, $"{_path}: {ex.Message}", ex);
        }
    }
}
