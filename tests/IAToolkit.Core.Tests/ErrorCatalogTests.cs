using System.Reflection;

namespace IAToolkit.Core.Tests;

/// <summary>
/// Every error code has an explicit HTTP status and exit code: a code added to <see cref="ErrorCodes"/> without a row
/// in <see cref="ErrorCatalog"/> fails here instead of silently becoming a 500 and exit 1.
/// </summary>
public sealed class ErrorCatalogTests
{
    private static readonly int[] s_exitCodes = [ExitCodes.Failure, ExitCodes.Usage, ExitCodes.NotFound, ExitCodes.Unavailable, ExitCodes.Canceled];

    private static IReadOnlyList<(string Name, string Code)> Codes()
        => [.. typeof(ErrorCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f is { IsLiteral: true, IsInitOnly: false } && f.FieldType == typeof(string))
            .Select(f => (f.Name, (string)f.GetRawConstantValue()!))];

    [Test]
    public void ByCode_EveryErrorCode_HasAnErrorStatusAndAnExitCode()
    {
        // Reading the table also loads it: a code listed twice throws while the type initializes.
        var table = ErrorCatalog.ByCode;

        Assert.That(Codes(), Has.Count.GreaterThan(40), "the reflection found the codes");
        Assert.Multiple(() =>
        {
            foreach (var (name, code) in Codes())
            {
                Assert.That(table.ContainsKey(code), Is.True, $"ErrorCodes.{name} (\"{code}\") has no row in ErrorCatalog");
                if (table.TryGetValue(code, out var mapping))
                {
                    Assert.That(mapping.HttpStatus, Is.InRange(400, 599), $"{code}: an error status");
                    Assert.That(s_exitCodes, Does.Contain(mapping.ExitCode), $"{code}: a documented exit code other than success");
                }
            }
        });
    }

    [Test]
    public void ErrorCodes_Values_AreDistinctSnakeCase()
    {
        var codes = Codes();

        Assert.That(codes.Select(c => c.Code), Is.Unique);
        Assert.That(codes.Select(c => c.Code), Has.All.Match("^[a-z]+(_[a-z]+)*$"));
    }

    [Test]
    public void ByCode_EveryRow_IsADefinedCode()
    {
        var defined = Codes().Select(c => c.Code).ToHashSet();

        Assert.That(ErrorCatalog.ByCode.Keys.Where(code => !defined.Contains(code)), Is.Empty, "a row for a code ErrorCodes no longer defines");
    }

    [TestCase(ErrorCodes.CompanyNotFound, 404, ExitCodes.NotFound)]
    [TestCase(ErrorCodes.DatabaseUnavailable, 503, ExitCodes.Unavailable)]
    [TestCase(ErrorCodes.InvalidCompanyConfiguration, 500, ExitCodes.Failure)]
    [TestCase(ErrorCodes.ApiKeyNotFound, 404, ExitCodes.NotFound)]
    [TestCase("a_company_code", 500, ExitCodes.Failure)]
    public void For_Code_GivesItsStatusAndExitCode(string code, int status, int exitCode)
        => Assert.That(ErrorCatalog.For(code), Is.EqualTo(new ErrorMapping(status, exitCode)));
}
