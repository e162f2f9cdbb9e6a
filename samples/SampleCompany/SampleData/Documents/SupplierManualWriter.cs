using System.Globalization;

namespace SampleCompany.SampleData.Documents;

/// <summary>The text of a supplier quality manual: the supplier and its products from the sample database, the terms from <see cref="ManualTermsList"/>.</summary>
internal static class SupplierManualWriter
{
    private const string Warehouse = "Sample Company distribution centre, Waalhaven Oostzijde 81, 3087 BM Rotterdam, the Netherlands";

    public static DocumentOutline Write(SupplierProfile supplier, ManualTerms terms)
    {
        var number = $"SQM-{supplier.Id:00}";
        var products = string.Join("; ", supplier.Products.Select(p => $"{p.Name} ({p.QuantityPerUnit}){(p.DiscontinuedOn is { } d ? $", discontinued on {Date(d)}" : string.Empty)}"));
        var target = terms.OnTimeTarget.ToString("0.#", CultureInfo.InvariantCulture);
        return new DocumentOutline(
            "Supplier Quality Manual",
            [
                $"{supplier.Name} - supplier number {supplier.Id} of Sample Company.",
                $"Document {number}, revision {terms.Revision}, effective {Date(terms.Effective)}. This revision replaces all earlier revisions.",
                $"Supplier address: {supplier.Address}.",
            ],
            [
                new("Purpose and scope", [
                    $"This manual sets out the quality, delivery, packaging and return requirements that {supplier.Name} (the \"Supplier\") meets for every product it delivers to Sample Company (the \"Company\"). It forms part of every purchase order.",
                    $"Products covered: {products}.",
                ]),
                new("Quality standards", [
                    $"The Supplier maintains {terms.Certifications}, and sends the Company a copy of each renewed certificate within 14 days.",
                    "Every lot is delivered with a certificate of analysis that confirms at least the following specifications:",
                    .. terms.Specifications.Select(s => $"- {s}"),
                    $"The Company inspects incoming goods by sampling under ISO 2859-1, general inspection level II, {terms.Aql} for major defects.",
                ]),
                new("Food safety and traceability", [
                    "The Supplier operates a HACCP plan, keeps allergen and food-safety information up to date in the Company's specification sheet, and informs the Company within 24 hours of any event that could affect the safety or legality of delivered goods.",
                    "Each carton carries the lot number, so that the Supplier can trace any lot to its raw materials and customers within 4 hours. A mock recall is run together with the Company once a year.",
                ]),
                new("Delivery terms", [
                    $"Delivery is {terms.Incoterm}. Unless the purchase order says otherwise, goods are delivered to the {Warehouse}, Monday to Friday between 06:00 and 14:00, with a booking made at least 48 hours in advance.",
                    $"The standard lead time is {terms.LeadTimeDays} days from the purchase order. The minimum order is {terms.MinimumOrder}.",
                    $"The Supplier's on-time-in-full target is {target}% of order lines, measured every month. For late deliveries the Supplier owes {terms.LatePenalty}.",
                    $"Transport: {terms.Transport}.",
                ]),
                new("Packaging and labelling", [
                    $"Packaging: {terms.Packaging}.",
                    $"Pallets: {terms.Pallets}.",
                    "Every outer carton and pallet carries a GS1-128 label with the Company's article number, the quantity, the lot number and the best-before date. Labels are in English; products for retail sale carry the language of the country of sale.",
                ]),
                new("Shelf life at delivery", [
                    $"Products arrive with {terms.ShelfLife}. Deliveries with less remaining shelf life may be refused.",
                ]),
                new("Non-conforming goods and returns", [
                    $"The Company reports non-conforming goods {terms.ClaimWindow}, with photos and the lot number. The Supplier agrees to {terms.Settlement}.",
                    $"Returns: {terms.Returns}.",
                    "Repeated non-conformities lead to a corrective action plan that the Supplier submits within 10 working days.",
                ]),
                new("Audits and performance review", [
                    $"The Company, or an auditor it appoints, may audit the Supplier's sites: {terms.Audits}. Audits are announced at least 10 working days in advance unless a food-safety complaint requires otherwise.",
                    "The Supplier's scorecard covers on-time-in-full delivery, quality complaints, documentation and responsiveness.",
                ]),
                new("Contacts", [
                    $"- Supplier sales: {supplier.ContactName}, {supplier.ContactTitle}, phone {supplier.Phone}.",
                    $"- Supplier quality: {terms.QualityContact}.",
                    "- Sample Company purchasing: purchasing@samplecompany.example, phone +44 20 7946 0100.",
                    "- Sample Company quality assurance: quality@samplecompany.example, phone +44 20 7946 0155 (24 hours for food-safety issues).",
                ]),
            ],
            [$"Approved for Sample Company by Hannah Clarke, Head of Quality Assurance, and for the Supplier by {supplier.ContactName}, {supplier.ContactTitle}."],
            $"Sample Company - Supplier quality manual {number} rev. {terms.Revision} - {supplier.Name}",
            "Sample Company Quality Assurance");
    }

    private static string Date(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
}
