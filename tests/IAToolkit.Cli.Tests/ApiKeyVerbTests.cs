using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Dapper;
using IAToolkit.Testing;

namespace IAToolkit.Cli.Tests;

public sealed partial class ApiKeyVerbTests : DatabaseTest
{
    private TempContentRoot _root = null!;

    [SetUp]
    public void CreateContentRoot()
    {
        _root = new TempContentRoot();
        _root.WriteCompany("acme", TempContentRoot.MinimalYaml("acme", "ACME"));
    }

    [TearDown]
    public void DeleteContentRoot() => _root?.Dispose();

    [Test]
    public async Task ApiKey_Company_PrintsExactlyTheAssignmentLineAndStoresOnlyItsHash()
    {
        await Run("migrate");

        var run = await Run("api-key", "acme");

        Assert.That(run.ExitCode, Is.Zero, run.Error);
        Assert.That(run.Output, Does.Match(@"^IATOOLKIT_API_KEY='iat_[A-Za-z0-9]{40}'\n$"));
        var key = KeyOf(run);
        Assert.That(run.Error, Does.Contain("cannot be shown again").And.Contain(key[..12]).And.Not.Contain(key));
        await using var connection = await Database.OpenAsync();
        const string Sql = """
            SELECT c.short_name, k.name, k.revoked_at IS NULL AS valid
            FROM iat_api_keys k JOIN iat_companies c ON c.id = k.company_id
            WHERE k.key_hash = sha256(convert_to(@Key, 'UTF8'))
            """;
        var row = await connection.QuerySingleAsync<(string Company, string Name, bool Valid)>(Sql, new { Key = key });
        Assert.That(row, Is.EqualTo(("acme", "default", true)));
        var everything = await connection.ExecuteScalarAsync<string>("SELECT json_agg(k)::text FROM iat_api_keys k");
        Assert.That(everything, Does.Not.Contain(key[12..]));
    }

    [Test]
    public async Task ApiKey_Output_SetsTheVariableWhenEvaluatedByAShell()
    {
        await Run("migrate");
        var run = await Run("api-key", "acme");

        var start = new ProcessStartInfo("bash", ["-c", "eval \"$OUT\"; printf %s \"$IATOOLKIT_API_KEY\""]) { RedirectStandardOutput = true };
        start.Environment["OUT"] = run.Output;
        using var shell = Process.Start(start)!;
        var printed = await shell.StandardOutput.ReadToEndAsync();
        await shell.WaitForExitAsync();

        Assert.That(printed, Is.EqualTo(KeyOf(run)));
    }

    [Test]
    public async Task ApiKeyList_AfterCreatingTwo_ShowsNamesAndPrefixesButNoKey()
    {
        await Run("migrate");
        var first = KeyOf(await Run("api-key", "acme"));
        var second = KeyOf(await Run("api-key", "acme", "--name", "crm"));

        var run = await Run("api-key", "list", "acme");

        Assert.That(run.ExitCode, Is.Zero, run.Error);
        var lines = run.Output.TrimEnd().Split('\n');
        Assert.That(lines, Has.Length.EqualTo(3));
        Assert.That(lines[0], Does.Match("^ID +NAME +PREFIX +CREATED \\(UTC\\) +LAST USED \\(UTC\\) +REVOKED \\(UTC\\)$"));
        Assert.That(lines[1], Does.Contain("default").And.Contain(first[..12] + "…").And.Contain("never"));
        Assert.That(lines[2], Does.Contain("crm").And.Contain(second[..12] + "…"));
        Assert.That(run.Output, Does.Not.Contain(first).And.Not.Contain(second));
    }

    [Test]
    public async Task ApiKeyList_Json_ParsesWithOneEntryPerKey()
    {
        await Run("migrate");
        var key = KeyOf(await Run("api-key", "acme", "--name", "ci"));

        var run = await Run("api-key", "list", "acme", "--json");

        Assert.That(run.ExitCode, Is.Zero, run.Error);
        using var body = JsonDocument.Parse(run.Output);
        Assert.That(body.RootElement.GetProperty("company").GetString(), Is.EqualTo("acme"));
        var entry = body.RootElement.GetProperty("keys").EnumerateArray().Single();
        Assert.That(entry.GetProperty("name").GetString(), Is.EqualTo("ci"));
        Assert.That(entry.GetProperty("prefix").GetString(), Is.EqualTo(key[..12]));
        Assert.That(entry.GetProperty("revoked").GetBoolean(), Is.False);
        Assert.That(entry.GetProperty("revoked_at").ValueKind, Is.EqualTo(JsonValueKind.Null));
        Assert.That(entry.GetProperty("last_used_at").ValueKind, Is.EqualTo(JsonValueKind.Null));
        Assert.That(entry.GetProperty("created_at").GetDateTimeOffset(), Is.EqualTo(DateTimeOffset.UtcNow).Within(TimeSpan.FromMinutes(1)));
        Assert.That(entry.GetProperty("created_at").GetString(), Does.EndWith("Z"));
    }

    [Test]
    public async Task ApiKeyList_IsTheSubcommandNotACompanyNamedList()
    {
        await Run("migrate");

        var list = await Run("api-key", "list", "acme");
        var bare = await Run("api-key", "list");

        Assert.That(list.ExitCode, Is.Zero, list.Error);
        Assert.That(list.Output, Does.StartWith("Company 'acme' has no API keys"));
        Assert.That(bare.ExitCode, Is.EqualTo(2), "a usage error, not a key for a company named 'list'");
        await using var connection = await Database.OpenAsync();
        Assert.That(await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM iat_api_keys"), Is.Zero);
    }

    [Test]
    public async Task ApiKeyRevoke_ByListedPrefix_RevokesThenReportsAlreadyRevoked()
    {
        await Run("migrate");
        var key = KeyOf(await Run("api-key", "acme"));

        var first = await Run("api-key", "revoke", "acme", key[..12] + "…");
        var second = await Run("api-key", "revoke", "acme", key[..12]);
        var list = await Run("api-key", "list", "acme", "--json");

        Assert.That(first.ExitCode, Is.Zero, first.Error);
        Assert.That(first.Output, Does.StartWith("Revoked API key ").And.Contain(key[..12]).And.Contain("'acme'"));
        Assert.That(second.ExitCode, Is.Zero, second.Error);
        Assert.That(second.Output, Does.Contain("was already revoked on").And.Contain("nothing changed"));
        using var body = JsonDocument.Parse(list.Output);
        Assert.That(body.RootElement.GetProperty("keys")[0].GetProperty("revoked").GetBoolean(), Is.True);
    }

    [Test]
    public async Task ApiKeyRevoke_ById_RevokesThatKeyOnly()
    {
        await Run("migrate");
        await Run("api-key", "acme", "--name", "keep");
        await Run("api-key", "acme", "--name", "drop");
        using var listed = JsonDocument.Parse((await Run("api-key", "list", "acme", "--json")).Output);
        var dropId = listed.RootElement.GetProperty("keys").EnumerateArray().Single(k => k.GetProperty("name").GetString() == "drop").GetProperty("id").GetInt64();

        var run = await Run("api-key", "revoke", "acme", dropId.ToString(CultureInfo.InvariantCulture));

        Assert.That(run.ExitCode, Is.Zero, run.Error);
        var table = (await Run("api-key", "list", "acme")).Output.TrimEnd().Split('\n');
        Assert.That(table[1], Does.Contain("keep").And.EndWith(" -"));
        Assert.That(table[2], Does.Contain("drop").And.Not.EndWith(" -"));
    }

    [TestCase("iat_zzzzzzzz")]
    [TestCase("4242")]
    [TestCase("nonsense")]
    public async Task ApiKeyRevoke_NoSuchKey_ExitsNotFoundSayingSo(string idOrPrefix)
    {
        await Run("migrate");
        await Run("api-key", "acme");

        var run = await Run("api-key", "revoke", "acme", idOrPrefix);

        Assert.That(run.ExitCode, Is.EqualTo(3), "api_key_not_found: not found");
        Assert.That(run.Error, Does.StartWith($"error: Company 'acme' has no API key '{idOrPrefix}'").And.Contain("api-key list acme"));
        Assert.That(run.Output, Is.Empty);
    }

    [TestCase("api-key", "globex")]
    [TestCase("api-key", "list", "globex")]
    [TestCase("api-key", "revoke", "globex", "1")]
    public async Task ApiKey_UnknownCompany_ExitsNotFoundNamingIt(params string[] args)
    {
        await Run("migrate");

        var run = await Run(args);

        Assert.That(run.ExitCode, Is.EqualTo(3), "company_not_found: not found");
        Assert.That(run.Error.TrimEnd(), Is.EqualTo("error: There is no company named 'globex'."));
        Assert.That(run.Output, Is.Empty);
    }

    [Test]
    public async Task ApiKey_DatabaseNotMigrated_ExitsOneNamingTheMigrateVerb()
    {
        var run = await Run("api-key", "acme");

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Error, Does.StartWith("error: ").And.Contain("pending migration").And.Contain("migrate"));
        Assert.That(run.Output, Is.Empty);
    }

    [Test]
    public async Task ApiKey_BlankName_ExitsOneWithoutCreatingAKey()
    {
        await Run("migrate");

        var run = await Run("api-key", "acme", "--name", " ");

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Error, Does.StartWith("error: An API key name must have 1 to 100 characters"));
        Assert.That(run.Output, Is.Empty);
    }

    [Test]
    public async Task ApiKey_Json_PrintsOneDocumentWithTheKey()
    {
        await Run("migrate");

        var run = await Run("api-key", "acme", "--name", "crm", "--json");

        Assert.That(run.ExitCode, Is.Zero, run.Error);
        using var body = JsonDocument.Parse(run.Output);
        var root = body.RootElement;
        var key = root.GetProperty("key").GetString()!;
        Assert.That(root.GetProperty("company").GetString(), Is.EqualTo("acme"));
        Assert.That(root.GetProperty("name").GetString(), Is.EqualTo("crm"));
        Assert.That(root.GetProperty("id").GetInt64(), Is.Positive);
        Assert.That(key, Does.Match("^iat_[A-Za-z0-9]{40}$").And.StartWith(root.GetProperty("prefix").GetString()!));
        Assert.That(run.Error, Does.Contain("cannot be shown again"), "the advice stays on stderr");
    }

    [Test]
    public async Task ApiKeyRevoke_JsonTwice_SaysWhetherItWasAlreadyRevoked()
    {
        await Run("migrate");
        var key = KeyOf(await Run("api-key", "acme"));

        var first = await Run("api-key", "revoke", "acme", key[..12], "--json");
        var second = await Run("api-key", "revoke", "acme", key[..12], "--json");

        Assert.That(first.ExitCode, Is.Zero, first.Error);
        Assert.That(second.ExitCode, Is.Zero, second.Error);
        using var before = JsonDocument.Parse(first.Output);
        using var after = JsonDocument.Parse(second.Output);
        Assert.That(before.RootElement.GetProperty("prefix").GetString(), Is.EqualTo(key[..12]));
        Assert.That(before.RootElement.GetProperty("revoked_at").ValueKind, Is.EqualTo(JsonValueKind.String));
        Assert.That(before.RootElement.GetProperty("already_revoked").GetBoolean(), Is.False);
        Assert.That(after.RootElement.GetProperty("already_revoked").GetBoolean(), Is.True);
        Assert.That(first.Output + second.Output, Does.Not.Contain(key[12..]), "never the key itself");
    }

    [Test]
    public async Task ApiKeyHelp_ListsListAndRevoke()
    {
        var run = await Run("api-key", "--help");

        Assert.That(run.ExitCode, Is.Zero);
        Assert.That(run.Output, Does.Contain("list").And.Contain("revoke").And.Contain("--name"));
    }

    private static string KeyOf(CliRun run)
    {
        var match = AssignmentLine().Match(run.Output);
        Assert.That(match.Success, Is.True, $"no key printed; stderr: {run.Error}");
        return match.Groups[1].Value;
    }

    [GeneratedRegex("^IATOOLKIT_API_KEY='(iat_[A-Za-z0-9]{40})'$", RegexOptions.Multiline)]
    private static partial Regex AssignmentLine();

    private Task<CliRun> Run(params string[] args) => CliRun.RunAsync(_root.Path, Database.Uri, null, args);
}
