from rasid.ner.document import document_names, propagate


def test_a_name_found_once_is_tagged_where_it_recurs_untagged():
    sequences = [["قال", "جورج", "بوش", "إن", "بغداد", "آمنة"], ["وزار", "بغداد", "أمس"]]
    tags = [["O", "B-PERS", "I-PERS", "O", "B-LOC", "O"], ["O", "O", "O"]]
    assert propagate(sequences, tags)[1] == ["O", "B-LOC", "O"]


def test_a_family_name_alone_and_behind_a_clitic_letter_is_the_person():
    sequences = [["قال", "جورج", "بوش"], ["وأضاف", "وبوش", "أن"], ["رد", "بوش"]]
    tags = [["O", "B-PERS", "I-PERS"], ["O", "O", "O"], ["O", "O"]]
    assert propagate(sequences, tags)[1:] == [["O", "B-PERS", "O"], ["O", "B-PERS"]]


def test_the_longest_name_wins_and_tagged_words_are_left_alone():
    sequences = [["وزارة", "الصحة", "و", "الصحة"], ["وزارة", "الصحة", "تعلن"], ["الصحة", "جيدة"]]
    tags = [["B-ORG", "I-ORG", "O", "B-LOC"], ["O", "O", "O"], ["B-MISC", "O"]]
    result = propagate(sequences, tags)
    assert result[0] == tags[0]
    assert result[1] == ["B-ORG", "I-ORG", "O"]
    assert result[2] == ["B-MISC", "O"]


def test_the_type_given_most_often_is_kept():
    sequences = [["عمان"], ["عمان"], ["عمان"], ["في", "عمان"]]
    tags = [["B-LOC"], ["B-LOC"], ["B-ORG"], ["O", "O"]]
    assert document_names(sequences, tags) == {("عمان",): "LOC"}
    assert propagate(sequences, tags)[3] == ["O", "B-LOC"]


def test_nothing_tagged_changes_nothing():
    assert propagate([["قال", "إن"]], [["O", "O"]]) == [["O", "O"]]


def test_a_one_word_name_is_not_spread_to_a_function_word():
    # normalized, the preposition على and the given name علي are one word
    sequences = [["قال", "محمد", "علي"], ["وأكد", "علي", "أهمية", "الأمر"], ["التقى", "علي"]]
    tags = [["O", "B-PERS", "I-PERS"], ["O", "O", "O", "O"], ["O", "O"]]
    assert propagate(sequences, tags)[1:] == [["O", "O", "O", "O"], ["O", "O"]]


def test_a_longer_name_beginning_with_a_function_word_still_spreads():
    sequences = [["زار", "محمد", "علي", "مصر"], ["وقال", "محمد", "علي"]]
    tags = [["O", "B-PERS", "I-PERS", "B-LOC"], ["O", "O", "O"]]
    assert propagate(sequences, tags)[1] == ["O", "B-PERS", "I-PERS"]
