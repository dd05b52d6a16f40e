using System.Globalization;

namespace AutoLab.Simulators.Ring.Lte;

/// <summary>Parses the item list of <c>LINE=( ... )</c>: names, <c>N*item</c>, <c>-item</c> and parenthesised groups.</summary>
internal sealed class LteLineParser
{
    private readonly string _text;
    private readonly string _source;
    private readonly int _line;
    private int _position;

    private LteLineParser(string text, string source, int line)
    {
        _text = text;
        _source = source;
        _line = line;
    }

    public static IReadOnlyList<LteLine> Parse(string text, string source, int line)
    {
        var parser = new LteLineParser(Lte.LteParser.Unquote(text.Trim()), source, line);
        parser.SkipSpace();
        parser.Expect('(');
        IReadOnlyList<LteLine> items = parser.Items();
        parser.Expect(')');
        parser.SkipSpace();
        if (parser._position < parser._text.Length)
        {
            throw parser.Fail($"unexpected '{parser._text[parser._position..]}' after the closing ')'");
        }

        return items;
    }

    private List<LteLine> Items()
    {
        var items = new List<LteLine>();
        while (true)
        {
            SkipSpace();
            if (Peek() == ')')
            {
                if (items.Count == 0)
                {
                    throw Fail("a LINE or group is empty");
                }

                return items;
            }

            items.Add(Item());
            SkipSpace();
            if (Peek() == ',')
            {
                _position++;
            }
            else if (Peek() != ')')
            {
                throw Fail(Peek() == '\0' ? "missing ')'" : $"expected ',' or ')' at '{_text[_position..]}'");
            }
        }
    }

    private LteLine Item()
    {
        SkipSpace();
        int repeat = 1;
        bool reversed = false;
        if (Peek() == '-')
        {
            reversed = true;
            _position++;
            SkipSpace();
        }

        if (char.IsAsciiDigit(Peek()))
        {
            int start = _position;
            while (char.IsAsciiDigit(Peek()))
            {
                _position++;
            }

            repeat = int.Parse(_text[start.._position], CultureInfo.InvariantCulture);
            SkipSpace();
            Expect('*');
            SkipSpace();
            if (Peek() == '-')
            {
                reversed = !reversed;
                _position++;
                SkipSpace();
            }
        }

        if (Peek() == '(')
        {
            _position++;
            List<LteLine> group = Items();
            Expect(')');
            return new LteLine(null, group, repeat, reversed, _line);
        }

        int nameStart = _position;
        while (_position < _text.Length && (char.IsAsciiLetterOrDigit(_text[_position]) || _text[_position] is '_' or '.' or ':' or '$' or '"'))
        {
            _position++;
        }

        if (_position == nameStart)
        {
            throw Fail(Peek() == '\0' ? "a LINE ends before its ')'" : $"expected an element or line name at '{_text[_position..]}'");
        }

        return new LteLine(Lte.LteParser.Unquote(_text[nameStart.._position]), [], repeat, reversed, _line);
    }

    private void Expect(char c)
    {
        SkipSpace();
        if (Peek() != c)
        {
            throw Fail(Peek() == '\0' ? $"expected '{c}' but the LINE ends" : $"expected '{c}' at '{_text[_position..]}'");
        }

        _position++;
    }

    private char Peek() => _position < _text.Length ? _text[_position] : '\0';

    private void SkipSpace()
    {
        while (_position < _text.Length && char.IsWhiteSpace(_text[_position]))
        {
            _position++;
        }
    }

    private LteParseException Fail(string message) => Lte.LteParser.Error(_source, _line, message);
}
