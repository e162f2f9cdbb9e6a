using IAToolkit.Companies;
using IAToolkit.Companies.Configuration;
using IAToolkit.Companies.Configuration.Reading;
using IAToolkit.SqlSources;

namespace IAToolkit.Core.Tests.SqlSources;

public sealed class SchemaYamlRendererTests
{
    private const string Invoice = """
        invoice:
          description: >
            Sales invoice header;
            one row per invoice.
          invoice_id: { type: integer, description: "Primary key." }
          status:
            type: string
            description: "Invoice state"
            oneOf: [ { const: "D", description: "draft" }, { const: "P", description: "paid" } ]
          issued_on: { type: string, format: date, description: Date of issue }
          currency: { type: string, enum: [CLP, USD] }
          customer:
            type: object
            description: Who is billed.
            properties:
              rut: { type: string, description: Chilean tax id }
              address:
                type: object
                properties:
                  city: { type: string }
          lines:
            type: array
            description: Invoice lines.
            items:
              type: object
              description: one product line
              properties:
                sku: { type: string, description: Product code }
                quantity: { type: [integer, "null"] }
          tags:
            type: array
            items: { type: string, enum: [urgent, export] }
          extra:
            type: object
            description: Free attributes.
            additionalProperties: { type: string, description: Attribute value }
          amount:
            oneOf: [ { type: integer }, { type: string } ]
            description: Integer, or a string for huge amounts
          legacy_code: Old system code, kept for reference
        """;

    [Test]
    public void Render_PythonStyleSchema_WritesCompactMarkdown()
    {
        Assert.That(SchemaYamlRenderer.Render(Invoice), Is.EqualTo("""
            ### Object `invoice`
            Sales invoice header; one row per invoice.
            - `invoice_id` (integer): Primary key.
            - `status` (string): Invoice state. Values: `D` = draft, `P` = paid
            - `issued_on` (string, date): Date of issue
            - `currency` (string): Values: `CLP`, `USD`
            - `customer` (object): Who is billed.
              - `rut` (string): Chilean tax id
              - `address` (object)
                - `city` (string)
            - `lines` (array of object): Invoice lines. Each item: one product line
              - `sku` (string): Product code
              - `quantity` (integer|null)
            - `tags` (array of string): Values: `urgent`, `export`
            - `extra` (object): Free attributes.
              - any other key (string): Attribute value
            - `amount` (integer|string): Integer, or a string for huge amounts
            - `legacy_code`: Old system code, kept for reference

            """));
    }

    [Test]
    public void Render_SameText_GivesTheSameBytes()
        => Assert.That(SchemaYamlRenderer.Render(Invoice), Is.EqualTo(SchemaYamlRenderer.Render(Invoice)));

    [Test]
    public void Render_JsonSchemaStyleRoot_ReadsPropertiesAsFields()
    {
        const string Yaml = """
            order:
              type: object
              description: An order.
              properties:
                id: { type: integer }
                meta: { type: object, additionalProperties: true }
            """;

        Assert.That(SchemaYamlRenderer.Render(Yaml), Is.EqualTo("""
            ### Object `order`
            An order.
            - `id` (integer)
            - `meta` (object)
              - any other key

            """));
    }

    [Test]
    public void Render_MalformedNodes_RendersWhatItCanWithoutThrowing()
    {
        const string Yaml = """
            odd:
              description: [not, a, string]
              listed: [a, b]
              empty:
              typed: { type: { nested: true }, description: { also: wrong } }
              options: { type: string, oneOf: not-a-list, enum: { a: 1 } }
              children: { type: object, properties: [x, y], items: 3 }
              deep: &loop { type: object, properties: { again: *loop } }
              ok: { type: string, description: Still rendered }
            """;

        string text = string.Empty;
        Assert.That(() => text = SchemaYamlRenderer.Render(Yaml), Throws.Nothing);
        Assert.That(text, Does.StartWith("""
            ### Object `odd`
            - `listed`: a, b
            - `empty`
            - `typed`
            - `options` (string)
            - `children` (object)
            - `deep` (object)
            """));
        Assert.That(text, Does.EndWith("- `ok` (string): Still rendered\n"));
    }

    [TestCase("")]
    [TestCase("just a string")]
    [TestCase("- a\n- b")]
    [TestCase("key: [unclosed")]
    public void Render_NotAnEntity_IsEmpty(string yaml) => Assert.That(SchemaYamlRenderer.Render(yaml), Is.Empty);

    [Test]
    public void Render_EntityWithScalarValue_UsesItAsTheDescription()
        => Assert.That(SchemaYamlRenderer.Render("status_codes: Codes used across the ERP."), Is.EqualTo("### Object `status_codes`\nCodes used across the ERP.\n"));

    [Test]
    public async Task RenderAsync_CompanyFile_ReadsItFromTheCompanyFolder()
    {
        using var company = SqlTestCompany.Create(string.Empty, "acme", ("schema/invoice.yaml", Invoice));
        var file = company.Company.Configuration.SchemaFiles.Single();

        var text = await SchemaYamlRenderer.RenderAsync(company.Company, file, CancellationToken.None);

        Assert.That(file, Is.EqualTo(new SchemaFile("schema/invoice.yaml", "invoice")));
        Assert.That(text, Is.EqualTo(SchemaYamlRenderer.Render(Invoice)));
    }
}
