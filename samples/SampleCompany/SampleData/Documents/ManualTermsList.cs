namespace SampleCompany.SampleData.Documents;

/// <summary>The quality manuals of eight of the twenty suppliers of the sample database (SupplierRows), by supplier id.</summary>
internal static class ManualTermsList
{
    private const string EuroPallet = "EUR pallets (1200 x 800 mm) in good condition, at most 1.60 m high including the pallet and 750 kg gross, stretch-wrapped, one product and lot per pallet where possible";

    public static IReadOnlyList<ManualTerms> All { get; } =
    [
        new()
        {
            SupplierId = 1, Format = SampleDocumentFormat.Pdf, Revision = "4", Effective = new(2024, 2, 1),
            Certifications = "BRCGS Food Safety grade AA, Rainforest Alliance certification for all black teas, and Soil Association organic certification for the organic range",
            Specifications = ["moisture content at most 7.0%", "no foreign matter in a 500 g sample", "pesticide residues within EU maximum residue levels, tested on every harvest lot", "tea bags: seal strength tested on 20 bags per lot"],
            Aql = "AQL 1.0", Incoterm = "DAP Sample Company distribution centre, Tilbury, United Kingdom (Incoterms 2020)", LeadTimeDays = 14,
            MinimumOrder = "one full pallet per order, mixed products allowed", OnTimeTarget = 97m, LatePenalty = "1% of the invoice value for each working day of delay, up to 10%",
            Transport = "dry, odour-free trailers; tea must never share a load with spices, soaps or chemicals",
            Packaging = "retail boxes in corrugated outer cartons of 20 boxes (breakfast tea) or 12 tins (loose leaf), each carton labelled with product name, lot number and best-before date",
            Pallets = EuroPallet, ShelfLife = "at least 18 months of the 24-month shelf life remaining at delivery",
            ClaimWindow = "within 10 working days of delivery for visible defects and within 30 days for hidden defects", Settlement = "acknowledge a claim within 2 working days and issue a credit note or replacement within 10 working days",
            Returns = "the supplier pays return freight for rejected goods; goods that cannot be returned are destroyed at the supplier's cost with a certificate of destruction",
            Audits = "one announced audit every 24 months, and a review of the supplier's scorecard every quarter", QualityContact = "Iain Murray, Quality Manager, quality@highlandleaf.example",
        },
        new()
        {
            SupplierId = 2, Format = SampleDocumentFormat.Docx, Revision = "2", Effective = new(2023, 9, 15),
            Certifications = "FSSC 22000, Fairtrade and USDA/EU organic certification for the decaffeinated range",
            Specifications = ["green coffee moisture between 10.0% and 12.0%", "at most 5 primary defects per 300 g sample (SCA method)", "ochratoxin A at most 3 micrograms per kg in roasted coffee", "roast colour within 5 points of the approved sample"],
            Aql = "AQL 1.5", Incoterm = "CIF Rotterdam, the Netherlands (Incoterms 2020)", LeadTimeDays = 45,
            MinimumOrder = "10 cartons per product", OnTimeTarget = 95m, LatePenalty = "0.5% of the invoice value for each day of delay after the agreed arrival week, up to 5%",
            Transport = "dry containers with desiccant bags; roasted coffee in valve bags flushed with nitrogen",
            Packaging = "one-way-valve bags of 500 g or 250 g, 10 bags per corrugated carton, each carton labelled with roast date and lot number",
            Pallets = EuroPallet, ShelfLife = "at least 12 months of the 18-month shelf life remaining at arrival in Rotterdam",
            ClaimWindow = "within 15 days of arrival", Settlement = "answer a claim within 5 working days and credit the agreed value on the next invoice",
            Returns = "rejected lots are not shipped back: they are sold for non-food use or destroyed, and the supplier credits the full value",
            Audits = "a remote document audit every year and an on-site audit in Medellín every 36 months", QualityContact = "Valentina Ospina, Quality Assurance Lead, calidad@sierraverde.example",
        },
        new()
        {
            SupplierId = 5, Format = SampleDocumentFormat.Pdf, Revision = "6", Effective = new(2024, 5, 6),
            Certifications = "IFS Food higher level and ISO 22000; saffron is certified PDO La Mancha where labelled so",
            Specifications = ["saffron: ISO 3632 category I, crocin colouring strength at least 220", "paprika: ASTA colour at least 120", "aflatoxin B1 at most 5 micrograms per kg and total aflatoxins at most 10 micrograms per kg", "Salmonella absent in 25 g; steam treatment records for every lot"],
            Aql = "AQL 1.0", Incoterm = "FCA Seville, Spain (Incoterms 2020), collected by the Company's carrier", LeadTimeDays = 10,
            MinimumOrder = "EUR 1,500 per order", OnTimeTarget = 98m, LatePenalty = "2% of the invoice value for each week of delay",
            Transport = "dry, clean trailers; saffron travels in locked, tamper-evident cases",
            Packaging = "tins and glass jars with tamper-evident seals, packed 10 or 12 per carton with dividers; saffron jars individually boxed",
            Pallets = EuroPallet, ShelfLife = "at least 24 months of shelf life remaining at collection",
            ClaimWindow = "within 7 working days of delivery, or at once for any food-safety issue", Settlement = "answer within 24 hours for food-safety issues and within 3 working days otherwise, and replace the goods within 10 working days",
            Returns = "the supplier collects rejected goods at its own cost within 15 days; after that the Company may destroy them at the supplier's cost",
            Audits = "an announced audit every year, with an unannounced audit possible after a complaint", QualityContact = "Lucia Romero, Quality Manager, calidad@especiasdelsur.example",
        },
        new()
        {
            SupplierId = 8, Format = SampleDocumentFormat.Docx, Revision = "3", Effective = new(2024, 9, 1),
            Certifications = "IFS Food, Rainforest Alliance certified cocoa, and a documented allergen management plan for milk, hazelnut and almond",
            Specifications = ["dark chocolate: at least 72% cocoa solids, as labelled", "no bloom or broken bars in a sample of 50 bars", "allergen cross-contact controlled and labelled as 'may contain nuts' where applicable", "pralines and truffles: water activity below 0.75"],
            Aql = "AQL 1.0", Incoterm = "DAP Lyon collection point to the Company's warehouse in Rotterdam (Incoterms 2020)", LeadTimeDays = 12,
            MinimumOrder = "24 cartons, mixed products allowed", OnTimeTarget = 98m, LatePenalty = "1.5% of the invoice value for each working day of delay, up to 15%",
            Transport = "temperature-controlled transport between 12 and 18 degrees Celsius from October to April, and between 12 and 16 degrees Celsius from May to September, with a temperature log for every delivery",
            Packaging = "bars flow-wrapped and boxed, pralines and truffles in gift boxes, all in insulated outer cartons in summer",
            Pallets = "EUR pallets at most 1.40 m high, never double-stacked", ShelfLife = "at least 9 months of shelf life remaining for bars and at least 4 months for pralines and truffles",
            ClaimWindow = "within 5 working days of delivery, and at once for temperature deviations", Settlement = "answer within 2 working days and replace the goods or credit them within 7 working days",
            Returns = "melted or bloomed products are destroyed at the supplier's cost; the supplier pays all return freight",
            Audits = "an on-site audit every year before the Christmas season", QualityContact = "Thomas Girard, Responsable Qualité, qualite@chocolaterie-lumiere.example",
        },
        new()
        {
            SupplierId = 10, Format = SampleDocumentFormat.Docx, Revision = "5", Effective = new(2023, 11, 1),
            Certifications = "FSSC 22000 and the Noord-Hollandse Gouda PDO for the aged Gouda",
            Specifications = ["aged Gouda: ripened at least 18 months, as labelled", "fat in dry matter at least 48%", "Listeria monocytogenes absent in 25 g, tested on every batch", "rind free of mould and cracks"],
            Aql = "AQL 0.65", Incoterm = "DAP the Company's warehouse in Rotterdam (Incoterms 2020)", LeadTimeDays = 7,
            MinimumOrder = "one pallet", OnTimeTarget = 99m, LatePenalty = "2% of the invoice value for each day of delay",
            Transport = "refrigerated transport between 2 and 7 degrees Celsius, with a temperature log for every delivery",
            Packaging = "whole wheels in cardboard boxes; pieces vacuum-packed, 10 per carton",
            Pallets = EuroPallet, ShelfLife = "at least 90 days of shelf life remaining for pieces and at least 6 months for whole wheels",
            ClaimWindow = "within 48 hours of delivery for chilled products", Settlement = "answer within 24 hours and credit or replace within 5 working days",
            Returns = "the supplier collects rejected cheese within 3 working days at its own cost",
            Audits = "an on-site audit every year, and monthly certificates of analysis", QualityContact = "Marieke Bakker, Kwaliteitsmanager, kwaliteit@zaansekaas.example",
        },
        new()
        {
            SupplierId = 13, Format = SampleDocumentFormat.Pdf, Revision = "2", Effective = new(2024, 1, 10),
            Certifications = "ISO 22000 and BRCGS Food Safety grade A; organic certification for spelt flour",
            Specifications = ["spaghetti: durum wheat semolina only, protein at least 13%", "flour and polenta moisture at most 14.5%", "deoxynivalenol (DON) at most 750 micrograms per kg", "no insects or larvae in a 1 kg sample"],
            Aql = "AQL 1.5", Incoterm = "EXW Verona, Italy (Incoterms 2020)", LeadTimeDays = 21,
            MinimumOrder = "two pallets, mixed products allowed", OnTimeTarget = 96m, LatePenalty = "1% of the invoice value for each week of delay",
            Transport = "dry, clean, pest-free trailers",
            Packaging = "paper bags (flour and polenta) and film packs (pasta) in corrugated cartons, each carton labelled with lot number and best-before date",
            Pallets = EuroPallet, ShelfLife = "at least 15 months of shelf life remaining for pasta and 8 months for flour and polenta",
            ClaimWindow = "within 14 days of delivery", Settlement = "answer within 5 working days and credit on the next invoice",
            Returns = "the Company returns rejected goods at the supplier's cost, or destroys them if the supplier agrees",
            Audits = "an on-site audit every 24 months", QualityContact = "Paolo Gatti, Responsabile Qualita, qualita@molinosanmarco.example",
        },
        new()
        {
            SupplierId = 18, Format = SampleDocumentFormat.Pdf, Revision = "3", Effective = new(2024, 3, 18),
            Certifications = "IFS Food, MSC chain of custody for sardines and cod, and EU approval number PT 1234 CE",
            Specifications = ["histamine at most 100 mg per kg in sardines, tested on every lot", "tins free of dents, rust and swelling", "olive oil: extra virgin, acidity at most 0.8%", "salt cod: salt content between 18% and 22%"],
            Aql = "AQL 0.65", Incoterm = "DAP the Company's warehouse in Rotterdam (Incoterms 2020)", LeadTimeDays = 20,
            MinimumOrder = "one pallet", OnTimeTarget = 97m, LatePenalty = "1% of the invoice value for each day of delay, up to 10%",
            Transport = "tinned goods at ambient temperature; salt cod chilled between 0 and 4 degrees Celsius",
            Packaging = "tins in printed sleeves, 24 or 50 per shrink-wrapped tray in an outer carton; salt cod vacuum-packed in 1 kg packs",
            Pallets = EuroPallet, ShelfLife = "at least 30 months for tinned fish and at least 6 months for salt cod",
            ClaimWindow = "within 10 days of delivery, or at once for a swollen tin", Settlement = "answer within 2 working days and replace within 10 working days",
            Returns = "the supplier pays return freight; swollen or damaged tins are destroyed and credited without return",
            Audits = "an on-site audit every year", QualityContact = "Ines Ferreira, Quality Manager, qualidade@atlanticcatch.example",
        },
        new()
        {
            SupplierId = 19, Format = SampleDocumentFormat.Pdf, Revision = "7", Effective = new(2024, 6, 3),
            Certifications = "BRCGS Food Safety grade AA, ASC certification for farmed salmon and MSC certification for herring and cod roe",
            Specifications = ["smoked salmon: salt 2.5% to 3.5% in the water phase", "Listeria monocytogenes absent in 25 g at production and below 100 cfu per g at end of shelf life", "core temperature at most 4 degrees Celsius at delivery", "no bones larger than 5 mm in a 10-fillet sample"],
            Aql = "AQL 0.65", Incoterm = "CPT Rotterdam (Incoterms 2020) by refrigerated truck and ferry", LeadTimeDays = 5,
            MinimumOrder = "20 cartons", OnTimeTarget = 99m, LatePenalty = "the full value of any delivery that arrives with less than the agreed shelf life, and 2% per day of delay",
            Transport = "refrigerated transport between 0 and 4 degrees Celsius, with a continuous temperature log",
            Packaging = "vacuum-packed fillets and jars in insulated cartons with gel packs",
            Pallets = "EUR pallets at most 1.20 m high, never double-stacked", ShelfLife = "at least 21 days of the 28-day shelf life remaining for smoked salmon",
            ClaimWindow = "within 24 hours of delivery", Settlement = "answer within 12 hours and credit within 5 working days",
            Returns = "rejected chilled fish is destroyed locally and credited in full; no return freight",
            Audits = "an on-site audit every year and a sampling plan reviewed every quarter", QualityContact = "Erik Haugen, QA Manager, quality@fjordseafood.example",
        },
    ];
}
