using System.Text.Json;
using Npgsql;

namespace IAToolkit.Cli.Tests.SampleData;

/// <summary>
/// <c>generate-sample-documents</c> and what it writes: the committed sample_data files are exactly a fresh run's
/// output, and each document answers the questions the demo asks about the sample database's people and suppliers.
/// </summary>
public sealed class SampleDocumentsTests
{
    private static readonly string s_committed = Path.Combine(AppContext.BaseDirectory, "companies", "sample_company", "sample_data");
    private string _fresh = null!;

    [OneTimeSetUp]
    public async Task GenerateAsync()
    {
        _fresh = Path.Combine(Path.GetTempPath(), "iat-sample-docs-" + Guid.NewGuid().ToString("N")[..12]);
        var run = await SampleCompanyCli.RunAsync(SampleDataSetUp.Core.Uri, null, "generate-sample-documents", "--output", _fresh);
        Assert.That(run.ExitCode, Is.Zero, run.Output + run.Error);
    }

    [OneTimeTearDown]
    public void DeleteFresh() => Directory.Delete(_fresh, recursive: true);

    [Test]
    public void GenerateSampleDocuments_FreshRun_ByteIdenticalToTheCommittedFiles()
    {
        var fresh = Files(_fresh);

        Assert.That(Files(s_committed), Is.EqualTo(fresh), "the same file names");
        foreach (var file in fresh)
        {
            Assert.That(File.ReadAllBytes(Path.Combine(_fresh, file)), Is.EqualTo(File.ReadAllBytes(Path.Combine(s_committed, file))),
                $"{file} differs from the committed one: run `dotnet run --project samples/SampleCompany -- generate-sample-documents` and commit the result");
        }
    }

    [Test]
    public async Task GenerateSampleDocuments_Check_ReportsEveryCommittedFileUnchangedAndExitsZero()
    {
        var run = await SampleCompanyCli.RunAsync(SampleDataSetUp.Core.Uri, null, "generate-sample-documents", "--check", "--json");

        Assert.That(run.ExitCode, Is.Zero, run.Output + run.Error);
        using var json = JsonDocument.Parse(run.Output);
        var states = json.RootElement.GetProperty("files").EnumerateArray().Select(f => f.GetProperty("state").GetString()).ToList();
        Assert.That(states, Has.Count.EqualTo(18).And.All.EqualTo("unchanged"));
    }

    [Test]
    public async Task GenerateSampleDocuments_CheckAgainstAChangedFile_ExitsOneNamingIt()
    {
        var copy = Path.Combine(Path.GetTempPath(), "iat-sample-docs-" + Guid.NewGuid().ToString("N")[..12]);
        try
        {
            CopyFolder(_fresh, copy);
            await File.AppendAllTextAsync(Path.Combine(copy, "employee_contracts", "contract_Julia_Bianchi.pdf"), "tampered");

            var run = await SampleCompanyCli.RunAsync(SampleDataSetUp.Core.Uri, null, "generate-sample-documents", "--check", "--output", copy);

            Assert.That(run.ExitCode, Is.EqualTo(1));
            Assert.That(run.Output, Does.Match(@"employee_contracts/contract_Julia_Bianchi\.pdf +[\d,]+ bytes  different"));
        }
        finally
        {
            Directory.Delete(copy, recursive: true);
        }
    }

    [Test]
    public async Task Contracts_SampleDatabaseEmployees_OneContractEachSevenPdfThreeDocx()
    {
        var employees = await NamesAsync("SELECT first_name || ' ' || last_name FROM employees ORDER BY employee_id");
        var contracts = Files(Path.Combine(_fresh, "employee_contracts"));

        Assert.That(employees, Has.Count.EqualTo(10));
        Assert.That(contracts.Select(Path.GetFileNameWithoutExtension), Is.EquivalentTo(employees.Select(e => "contract_" + Fold(e).Replace(' ', '_'))));
        Assert.That(contracts.Count(c => c.EndsWith(".docx", StringComparison.Ordinal)), Is.EqualTo(3));
        foreach (var contract in contracts)
        {
            var (pages, text) = SampleDocumentText.Read(Path.Combine(_fresh, "employee_contracts", contract));
            var name = employees.Single(e => contract.StartsWith("contract_" + Fold(e).Replace(' ', '_') + ".", StringComparison.Ordinal));
            Assert.That(text, Does.Contain(contract.EndsWith(".pdf", StringComparison.Ordinal) ? Fold(name) : name), contract);
            Assert.That(text, Does.Contain("Position and duties").And.Contain("Remuneration").And.Contain("Working hours").And.Contain("Vacation")
                .And.Contain("Confidentiality").And.Contain("Non-competition").And.Contain("notice period is").And.Contain("Governing law"), contract);
            if (pages > 0)
            {
                Assert.That(pages, Is.InRange(2, 3), contract);
            }
        }
    }

    [TestCase("contract_Julia_Bianchi.pdf", "EUR 46,800 gross per year", "two (2) months' written notice", "26 working days", "For 12 months", "Labour Court of Milan")]
    [TestCase("contract_Ethan_Brooks.pdf", "USD 74,000 gross per year", "two (2) weeks' written notice", "15 working days", "a commission of 5%", "Commonwealth of Massachusetts")]
    [TestCase("contract_Margaret_Holloway.pdf", "GBP 168,000 gross per year", "six (6) months' written notice", "28 working days", "target of 35%", "England and Wales")]
    [TestCase("contract_Sofie_Lindqvist.pdf", "SEK 46,500 gross per month", "three (3) months' written notice", "30 working days", "For 9 months", "Stockholm District Court")]
    [TestCase("contract_Lucia_Fernandez.docx", "USD 142,000 gross per year", "thirty (30) days' written notice", "20 working days", "Lucía Fernández", "State of Florida")]
    [TestCase("contract_Camila_Duarte.docx", "BRL 14,800 gross per month", "thirty (30) days' notice", "30 calendar days", "São Paulo", "44 hours")]
    public void Contracts_OneEmployee_StatesTheirOwnTerms(string file, params string[] phrases)
    {
        var (_, text) = SampleDocumentText.Read(Path.Combine(_fresh, "employee_contracts", file));

        foreach (var phrase in phrases)
        {
            Assert.That(text, Does.Contain(phrase), file);
        }
    }

    [Test]
    public void Contracts_Docx_HeadingsStyledSoParsersSeeTheStructure()
    {
        var styles = SampleDocumentText.Styles(Path.Combine(_fresh, "employee_contracts", "contract_Tomas_Herrera.docx"));

        Assert.That(styles[0], Is.EqualTo("Title"));
        Assert.That(styles.Count(s => s == "Heading1"), Is.EqualTo(15));
    }

    [Test]
    public async Task Manuals_EightSuppliersOfTheSampleDatabase_EachWithTermsAndContacts()
    {
        var suppliers = await NamesAsync("SELECT company_name FROM suppliers");
        var manuals = Files(Path.Combine(_fresh, "supplier_manuals"));

        Assert.That(manuals, Has.Count.EqualTo(8));
        Assert.That(manuals.Count(c => c.EndsWith(".docx", StringComparison.Ordinal)), Is.EqualTo(3));
        foreach (var manual in manuals)
        {
            var (pages, text) = SampleDocumentText.Read(Path.Combine(_fresh, "supplier_manuals", manual));
            Assert.That(suppliers.Count(s => text.Contains(manual.EndsWith(".pdf", StringComparison.Ordinal) ? Fold(s) : s, StringComparison.Ordinal)), Is.EqualTo(1), manual);
            Assert.That(text, Does.Contain("Quality standards").And.Contain("Incoterms 2020").And.Contain("Packaging and labelling")
                .And.Contain("Non-conforming goods and returns").And.Contain("Contacts").And.Contain("Products covered:"), manual);
            Assert.That(pages, Is.EqualTo(0).Or.InRange(2, 3), manual);
        }
    }

    [Test]
    public void Documents_Sizes_AFewKilobytesEachUnder500KbInAll()
    {
        var sizes = Files(_fresh).Select(f => new FileInfo(Path.Combine(_fresh, f)).Length).ToList();

        Assert.That(sizes, Has.Count.EqualTo(18).And.All.InRange(2_000, 20_000));
        Assert.That(sizes.Sum(), Is.LessThan(500_000));
    }

    private static List<string> Files(string folder)
        => [.. Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/')).Order(StringComparer.Ordinal)];

    private static string Fold(string text)
        => new([.. text.Normalize(System.Text.NormalizationForm.FormD).Where(c => System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark)]);

    private static async Task<List<string>> NamesAsync(string sql)
    {
        await using var connection = await SampleDataSetUp.Populated.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var names = new List<string>();
        while (await reader.ReadAsync())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
