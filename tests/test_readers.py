import io
import json

from rasid.errors import BinaryInput, EmptyInput
from rasid.readers import read_inputs

ARTICLE = "عنوان الخبر\nالرياض - واس\nالتقى وزير الخارجية نظيره العراقي اليوم."


def test_a_text_file_is_one_article_titled_by_its_first_line(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("\n" + ARTICLE, encoding="utf-8")
    [item] = read_inputs([str(path)])
    assert item.error is None
    assert item.article.title == "عنوان الخبر"
    assert item.article.text == "\n" + ARTICLE
    assert item.article.file == str(path)


def test_crlf_files_are_read_with_newlines(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(ARTICLE.replace("\n", "\r\n").encode("cp1256"))
    [item] = read_inputs([str(path)])
    assert item.article.text == ARTICLE


def test_a_folder_is_read_recursively_in_order_skipping_hidden_and_non_article_files(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "1.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "index.tsv").write_text("file\ttitle\n", encoding="utf-8")
    (tmp_path / "README.md").write_text("# notes\n", encoding="utf-8")
    sources = [item.source for item in read_inputs([str(tmp_path)])]
    assert sources == [str(tmp_path / "1.txt"), str(tmp_path / "b" / "2.txt")]


def test_json_object_list_and_json_lines(tmp_path):
    one = {"title": "عنوان", "content": "نص الخبر عن لقاء الوزيرين.", "date_extracted": "2015-08-08 06:22:43",
           "source": "alriyadh"}
    (tmp_path / "one.json").write_text(json.dumps(one, ensure_ascii=False), encoding="utf-8")
    (tmp_path / "many.json").write_text(json.dumps([one, one]), encoding="utf-8")
    (tmp_path / "lines.jsonl").write_text(json.dumps(one) + "\n\n" + json.dumps({"text": "نص"}) + "\n{bad\n",
                                          encoding="utf-8")
    items = {item.source: item for item in read_inputs([str(tmp_path)])}
    article = items[str(tmp_path / "one.json")].article
    assert article.text == "عنوان\n\nنص الخبر عن لقاء الوزيرين."
    assert (article.title, article.published, article.source) == ("عنوان", "2015-08-08 06:22:43", "alriyadh")
    assert {f"{tmp_path / 'many.json'}[0]", f"{tmp_path / 'many.json'}[1]"} <= set(items)
    assert items[f"{tmp_path / 'lines.jsonl'}:3"].article.text == "نص"
    bad = items[f"{tmp_path / 'lines.jsonl'}:4"].error
    assert bad is not None and "invalid JSON" in str(bad)


def test_json_without_article_text_is_an_error(tmp_path):
    (tmp_path / "a.json").write_text('{"title": "عنوان"}', encoding="utf-8")
    [item] = read_inputs([str(tmp_path / "a.json")])
    assert "no article text" in str(item.error)


def test_stdin_is_read_as_one_article():
    [item] = read_inputs(["-"], stdin=io.BytesIO(ARTICLE.encode("utf-16")))
    assert item.source == "<stdin>" and item.article.text == ARTICLE


def test_errors_are_items_naming_their_source(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (tmp_path / "empty_dir").mkdir()
    items = list(read_inputs([str(tmp_path / "empty.txt"), str(tmp_path / "binary.txt"),
                              str(tmp_path / "missing.txt"), str(tmp_path / "empty_dir")]))
    assert isinstance(items[0].error, EmptyInput)
    assert isinstance(items[1].error, BinaryInput)
    assert "no such file or folder" in str(items[2].error)
    assert "no article files" in str(items[3].error)
    for item in items:
        assert str(item.error).startswith(item.source + ": ")


def test_stdin_holding_json_or_json_lines():
    one = {"title": "عنوان", "content": "نص الخبر."}
    [item] = read_inputs(["-"], stdin=io.BytesIO(json.dumps(one).encode()))
    assert item.article.text == "عنوان\n\nنص الخبر."
    lines = (json.dumps(one) + "\n" + json.dumps({"text": "نص آخر"}) + "\n").encode()
    items = list(read_inputs(["-"], stdin=io.BytesIO(lines)))
    assert [i.source for i in items] == ["<stdin>:1", "<stdin>:2"]
    assert items[1].article.text == "نص آخر"
    [item] = read_inputs(["-"], stdin=io.BytesIO("[تحديث] عنوان الخبر\nنص عربي".encode()))
    assert item.article.text == "[تحديث] عنوان الخبر\nنص عربي"
