import re

from cms.charts import ChartPoint, MapArea, borough_map_svg, borough_shapes, legend, line_chart_svg, shade_for


def test_the_map_draws_all_33_boroughs_with_names_and_figures():
    svg = borough_map_svg(
        {
            "E09000030": MapArea(85.0, "85% covered"),
            "E09000001": MapArea(0.0, "0% covered"),
            "E09000033": MapArea(None, "not shown", withheld=True),
        },
        title="Institutions covered by borough",
        description="Share covered.",
        missing="no institutions counted",
    )
    shapes, height = borough_shapes()
    assert len(shapes) == 33 and height > 0
    assert svg.count("<path ") == 33
    assert 'role="img"' in svg and "<title id=\"borough-map-title\">" in svg
    assert "<title>Tower Hamlets: 85% covered</title>" in svg
    assert "<title>City of London: 0% covered</title>" in svg
    assert "<title>Barnet: no institutions counted</title>" in svg


def test_a_withheld_borough_is_hatched_not_shaded():
    svg = borough_map_svg(
        {"E09000033": MapArea(None, "not shown", withheld=True), "E09000030": MapArea(85.0, "85% covered")},
        title="t", description="d", missing="none",
    )
    westminster = re.search(r'<path [^>]*fill="([^"]+)"[^>]*><title>Westminster: not shown</title>', svg)
    assert westminster and westminster.group(1) == "url(#borough-map-withheld)"
    assert 'id="borough-map-withheld"' in svg
    assert re.search(r'fill="' + re.escape(shade_for(85.0)) + r'"[^>]*><title>Tower Hamlets', svg)


def test_shades_follow_the_legend_bins():
    assert shade_for(None) != shade_for(0)
    assert shade_for(0) == legend()[0]["colour"]
    assert shade_for(19.9) == legend()[0]["colour"]
    assert shade_for(20) == legend()[1]["colour"]
    assert shade_for(100) == legend()[-1]["colour"]
    assert [item["label"] for item in legend()][0] == "0% to under 20%"
    assert [item["label"] for item in legend()][-1] == "80% to 100%"


def test_titles_and_labels_are_escaped():
    svg = borough_map_svg(
        {"E09000033": MapArea(None, "<b>x</b>")}, title="<script>x</script>", description="a & b", missing="-"
    )
    assert "<script>" not in svg and "&lt;script&gt;" in svg and "a &amp; b" in svg
    assert "<b>" not in svg and "Westminster: &lt;b&gt;x&lt;/b&gt;" in svg


def test_line_chart_plots_each_point_with_its_label_and_tooltip():
    svg = line_chart_svg(
        [ChartPoint("5 Jan", 0, "5 Jan: 0"), ChartPoint("12 Jan", 40, "12 Jan: 40"),
         ChartPoint("19 Jan", 1300, "19 Jan: 1,300")],
        title="Completions", description="Weekly",
    )
    assert svg.count("<circle ") == 3
    assert "<title>19 Jan: 1,300</title>" in svg
    assert svg.count("<polyline") == 1


def test_a_point_without_a_value_is_neither_drawn_nor_sets_the_scale():
    svg = line_chart_svg(
        [ChartPoint("5 Jan", None, "never shown"), ChartPoint("12 Jan", 40, "12 Jan: 40"),
         ChartPoint("19 Jan", 60, "19 Jan: 60"), ChartPoint("26 Jan", None, "never shown"),
         ChartPoint("2 Feb", 90, "2 Feb: 90")],
        title="Completions", description="Weekly",
    )
    assert "never shown" not in svg
    assert svg.count("<circle ") == 3
    # the line breaks at the missing point: one segment of two points, a lone point is a circle only
    polylines = re.findall(r'<polyline [^>]*points="([^"]+)"', svg)
    assert len(polylines) == 1 and len(polylines[0].split()) == 2
    assert ">5 Jan<" in svg  # the date still labels the axis


def test_line_chart_with_no_data_still_renders():
    svg = line_chart_svg([], title="Completions", description="No completions yet")
    assert svg.startswith("<svg") and "<circle" not in svg
