using System.Globalization;

namespace AutoLab.Simulators.Crystallography;

/// <summary>Reads a <see cref="CrystalStructure"/> from CIF: cell, symmetry operators (or a built-in space group), atom sites, occupancies and Biso/Uiso.</summary>
/// <remarks>
/// Operators come from <c>_space_group_symop_operation_xyz</c> or <c>_symmetry_equiv_pos_as_xyz</c>; without
/// them the Hermann–Mauguin name (<c>_space_group_name_H-M_alt</c> or <c>_symmetry_space_group_name_H-M</c>)
/// or number must be one of <see cref="SpaceGroups"/>. Uiso is converted with B = 8π²U. Numbers may carry a
/// standard uncertainty in parentheses, "5.4310(2)".
/// </remarks>
public static class CifStructureReader
{
    private static readonly string[] OperatorTags = ["_space_group_symop_operation_xyz", "_symmetry_equiv_pos_as_xyz"];
    private static readonly string[] GroupNameTags = ["_space_group_name_h-m_alt", "_symmetry_space_group_name_h-m", "_space_group_it_number", "_symmetry_int_tables_number"];

    /// <summary>Reads the first data block of a CIF file.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The structure.</returns>
    /// <exception cref="CifParseException">The file is not valid CIF or lacks a required item; the message names the file and line.</exception>
    public static CrystalStructure ReadFile(string path) => Read(File.ReadAllText(path), Path.GetFileName(path));

    /// <summary>Reads the first data block of CIF text.</summary>
    /// <param name="text">CIF text.</param>
    /// <param name="source">Name for messages.</param>
    /// <returns>The structure.</returns>
    /// <exception cref="CifParseException">The text is not valid CIF or lacks a required item.</exception>
    public static CrystalStructure Read(string text, string source = "CIF")
    {
        var block = CifParser.Parse(text, source)[0];
        var cell = ReadCell(block, source);
        return new CrystalStructure
        {
            Name = Name(block),
            Cell = cell,
            Operators = ReadOperators(block, source),
            Sites = ReadSites(block, source),
        };
    }

    private static string Name(CifBlock block)
    {
        foreach (var tag in new[] { "_chemical_name_mineral", "_chemical_name_common", "_chemical_formula_sum" })
        {
            if (block.Items.TryGetValue(tag, out var token) && token.Text is not ("?" or "."))
            {
                return token.Text;
            }
        }

        return block.Name;
    }

    private static UnitCell ReadCell(CifBlock block, string source)
    {
        var a = Required(block, "_cell_length_a", source);
        var b = Required(block, "_cell_length_b", source);
        var c = Required(block, "_cell_length_c", source);
        var alpha = Optional(block, "_cell_angle_alpha", source, 90);
        var beta = Optional(block, "_cell_angle_beta", source, 90);
        var gamma = Optional(block, "_cell_angle_gamma", source, 90);
        try
        {
            return new UnitCell(a, b, c, alpha, beta, gamma);
        }
        catch (ArgumentException ex)
        {
            throw new CifParseException(source, block.Items["_cell_length_a"].Line, ex.Message);
        }
    }

    private static List<SymmetryOperator> ReadOperators(CifBlock block, string source)
    {
        foreach (var tag in OperatorTags)
        {
            var loop = block.LoopWith(tag);
            if (loop is not null)
            {
                var column = loop.Column(tag);
                return [.. loop.Rows.Select(row => ParseOperator(row[column], source))];
            }

            if (block.Items.TryGetValue(tag, out var single))
            {
                return [ParseOperator(single, source)];
            }
        }

        foreach (var tag in GroupNameTags)
        {
            if (block.Items.TryGetValue(tag, out var name))
            {
                if (SpaceGroups.TryGet(name.Text, out var operators))
                {
                    return [.. operators];
                }

                throw new CifParseException(source, name.Line,
                    $"{tag} '{name.Text}' is not a built-in space group and the file lists no symmetry operators ({OperatorTags[0]}); built in: {string.Join(", ", SpaceGroups.Names)}");
            }
        }

        throw new CifParseException(source, block.Line, $"data block '{block.Name}' has neither symmetry operators ({string.Join(" or ", OperatorTags)}) nor a space-group name");
    }

    private static SymmetryOperator ParseOperator(CifToken token, string source)
    {
        try
        {
            return SymmetryOperator.Parse(token.Text);
        }
        catch (FormatException ex)
        {
            throw new CifParseException(source, token.Line, ex.Message);
        }
    }

    private static List<AtomSite> ReadSites(CifBlock block, string source)
    {
        var loop = block.LoopWith("_atom_site_fract_x")
            ?? throw new CifParseException(source, block.Line, $"data block '{block.Name}' has no atom sites (a loop with _atom_site_fract_x, _y, _z)");
        var label = loop.Column("_atom_site_label");
        var type = loop.Column("_atom_site_type_symbol");
        var x = loop.Column("_atom_site_fract_x");
        var y = RequiredColumn(loop, "_atom_site_fract_y", source);
        var z = RequiredColumn(loop, "_atom_site_fract_z", source);
        var occupancy = loop.Column("_atom_site_occupancy");
        var biso = loop.Column("_atom_site_b_iso_or_equiv");
        var uiso = loop.Column("_atom_site_u_iso_or_equiv");
        if (label < 0 && type < 0)
        {
            throw new CifParseException(source, loop.Line, "atom site loop has neither _atom_site_label nor _atom_site_type_symbol");
        }

        var sites = new List<AtomSite>();
        foreach (var row in loop.Rows)
        {
            var name = label >= 0 ? row[label].Text : row[type].Text;
            var symbol = type >= 0 && row[type].Text is not ("?" or ".") ? row[type].Text : name;
            if (!AtomicFormFactors.TryGet(symbol, out _))
            {
                throw new CifParseException(source, row[type >= 0 ? type : label].Line,
                    $"atom type '{symbol}' of site '{name}' has no tabulated form factor; known: {string.Join(", ", AtomicFormFactors.Symbols.Order(StringComparer.Ordinal))}");
            }

            var b = biso >= 0 && !IsUnknown(row[biso]) ? Number(row[biso], "_atom_site_B_iso_or_equiv", source)
                : uiso >= 0 && !IsUnknown(row[uiso]) ? 8.0 * Math.PI * Math.PI * Number(row[uiso], "_atom_site_U_iso_or_equiv", source)
                : 0.5;
            var occ = occupancy >= 0 && !IsUnknown(row[occupancy]) ? Number(row[occupancy], "_atom_site_occupancy", source) : 1.0;
            if (occ is < 0 or > 1.0001)
            {
                throw new CifParseException(source, row[occupancy].Line, $"occupancy {occ} of site '{name}' is outside [0, 1]");
            }

            sites.Add(new AtomSite(name, symbol, Number(row[x], "_atom_site_fract_x", source), Number(row[y], "_atom_site_fract_y", source),
                Number(row[z], "_atom_site_fract_z", source), occ, b));
        }

        return sites;
    }

    private static int RequiredColumn(CifLoop loop, string tag, string source)
    {
        var column = loop.Column(tag);
        return column >= 0 ? column : throw new CifParseException(source, loop.Line, $"atom site loop has no {tag}");
    }

    private static bool IsUnknown(CifToken token) => !token.Quoted && token.Text is "?" or ".";

    private static double Required(CifBlock block, string tag, string source) =>
        block.Items.TryGetValue(tag, out var token)
            ? Number(token, tag, source)
            : throw new CifParseException(source, block.Line, $"data block '{block.Name}' has no {tag}");

    private static double Optional(CifBlock block, string tag, string source, double fallback) =>
        block.Items.TryGetValue(tag, out var token) && !IsUnknown(token) ? Number(token, tag, source) : fallback;

    private static double Number(CifToken token, string tag, string source)
    {
        // Strip a standard uncertainty: "5.4310(2)" → "5.4310".
        var text = token.Text;
        var parenthesis = text.IndexOf('(', StringComparison.Ordinal);
        if (parenthesis > 0 && text.EndsWith(')'))
        {
            text = text[..parenthesis];
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : throw new CifParseException(source, token.Line, $"{tag} '{token.Text}' is not a number");
    }
}
