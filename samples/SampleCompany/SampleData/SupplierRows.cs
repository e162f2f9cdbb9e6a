namespace SampleCompany.SampleData;

/// <summary>The twenty suppliers Sample Company buys from; invented companies in real cities.</summary>
internal static class SupplierRows
{
    public static SampleTable Build()
    {
        var table = new SampleTable(
            "suppliers", "supplier_id", "company_name", "contact_name", "contact_title", "address", "city", "region", "postal_code", "country", "phone");
        table.Add(1, "Highland Leaf Co.", "Fiona MacLeod", "Export Manager", "14 Leith Walk", "Edinburgh", null, "EH6 8LP", "United Kingdom", "+44 131 496 0210");
        table.Add(2, "Cafetalera Sierra Verde", "Andrés Restrepo", "Sales Director", "Carrera 43A #7-50", "Medellín", "Antioquia", "050021", "Colombia", "+57 604 555 0142");
        table.Add(3, "Nordic Orchard AB", "Linnea Berg", "Key Account Manager", "Fruktgatan 9", "Gothenburg", null, "411 05", "Sweden", "+46 31 555 0187");
        table.Add(4, "Brasserie de l'Abbaye", "Luc Dufour", "Owner", "Rue du Moulin 22", "Namur", null, "5000", "Belgium", "+32 81 55 01 33");
        table.Add(5, "Especias del Sur S.L.", "Carmen Ruiz", "Export Manager", "Calle Feria 118", "Seville", "Andalusia", "41002", "Spain", "+34 954 555 021");
        table.Add(6, "Casa Verde Conserve", "Marco Ferri", "Sales Manager", "Via del Campo 31", "Genoa", null, "16124", "Italy", "+39 010 555 0176");
        table.Add(7, "Kyoto Ferments Ltd.", "Haruto Nakamura", "Overseas Sales", "2-14 Shijo-dori", "Kyoto", "Kyoto", "600-8005", "Japan", "+81 75 555 0119");
        table.Add(8, "Chocolaterie Lumière", "Élodie Martin", "Founder", "8 Rue Mercière", "Lyon", null, "69002", "France", "+33 4 55 50 12 88");
        table.Add(9, "Sweet Maple Confections", "Gabriel Tremblay", "Sales Representative", "415 Rue Saint-Paul", "Montréal", "QC", "H2Y 1H4", "Canada", "+1 514 555 0163");
        table.Add(10, "Zaanse Kaasmakers B.V.", "Pieter de Vries", "Export Manager", "Kaasmarkt 6", "Alkmaar", null, "1811 CK", "Netherlands", "+31 72 555 0124");
        table.Add(11, "Fromagerie des Alpes", "Anna Gerber", "Sales Manager", "Route de la Gruyère 12", "Fribourg", null, "1700", "Switzerland", "+41 26 555 01 57");
        table.Add(12, "Prairie Mills Inc.", "Sarah Johnson", "Account Manager", "700 Mill Street", "Minneapolis", "MN", "55401", "USA", "+1 612 555 0138");
        table.Add(13, "Molino San Marco", "Giulia Conti", "Owner", "Via Mazzini 5", "Verona", null, "37121", "Italy", "+39 045 555 0192");
        table.Add(14, "Dehesa Ibérica S.A.", "Javier Sánchez", "Commercial Director", "Avenida de Portugal 40", "Salamanca", "Castile and León", "37006", "Spain", "+34 923 555 047");
        table.Add(15, "Bayou Smokehouse LLC", "Marcus Thibodeaux", "Sales Manager", "210 Jefferson Street", "Lafayette", "LA", "70501", "USA", "+1 337 555 0105");
        table.Add(16, "Anatolia Dried Fruits", "Elif Yılmaz", "Export Manager", "Kordon Boyu 77", "Izmir", null, "35210", "Turkey", "+90 232 555 0148");
        table.Add(17, "Golden Coast Produce Pty Ltd", "Liam O'Connor", "Trade Manager", "55 Eagle Street", "Brisbane", "QLD", "4000", "Australia", "+61 7 5550 0171");
        table.Add(18, "Atlantic Catch Lda.", "Rui Almeida", "Sales Director", "Rua da Ribeira 19", "Porto", null, "4050-513", "Portugal", "+351 22 555 0139");
        table.Add(19, "Fjord Seafood AS", "Ingrid Solberg", "Key Account Manager", "Bryggen 11", "Bergen", null, "5003", "Norway", "+47 55 55 01 64");
        table.Add(20, "Patagonia Mar S.A.", "Tomás Vidal", "Export Manager", "Avenida Diego Portales 860", "Puerto Montt", "Los Lagos", "5480000", "Chile", "+56 65 555 0113");
        return table;
    }
}
