//! A plain data table from rows of text cells: a caption, column headers, and one cell
//! per row that heads it (`scope="row"`). One generic shape for the report's, the
//! breakdown's and "How scores work"'s tables keeps the wasm small.

use leptos::either::Either;
use leptos::prelude::*;

/// One cell: its text, its class (`num` for numbers, `nowrap`, or none), and an optional
/// tag shown after the text ("Own action").
pub struct Cell {
    text: String,
    class: &'static str,
    tag: Option<String>,
}

impl Cell {
    pub fn new(text: impl Into<String>) -> Cell {
        Cell {
            text: text.into(),
            class: "",
            tag: None,
        }
    }

    /// A right-aligned number.
    pub fn num(text: impl Into<String>) -> Cell {
        Cell::new(text).class("num")
    }

    pub fn class(mut self, class: &'static str) -> Cell {
        self.class = class;
        self
    }

    pub fn tag(mut self, tag: Option<String>) -> Cell {
        self.tag = tag;
        self
    }
}

/// One row: its class and its cells.
pub struct Row {
    pub class: &'static str,
    pub cells: Vec<Cell>,
}

/// The table. `header` is the index of the cell that heads each row.
pub fn data_table(
    class: &'static str,
    caption: String,
    columns: Vec<Cell>,
    header: usize,
    rows: Vec<Row>,
) -> impl IntoView {
    view! {
        <table class=class>
            <caption>{caption}</caption>
            <thead>
                <tr>
                    {columns.into_iter().map(|c| view! { <th scope="col" class=c.class>{c.text}</th> }).collect_view()}
                </tr>
            </thead>
            <tbody>
                {rows.into_iter().map(|row| view! {
                    <tr class=row.class>
                        {row.cells.into_iter().enumerate().map(|(i, cell)| {
                            let content = view! {
                                {cell.text}
                                {cell.tag.map(|tag| view! { " " <span class="tag">{tag}</span> })}
                            };
                            if i == header {
                                Either::Left(view! { <th scope="row" class=cell.class>{content}</th> })
                            } else {
                                Either::Right(view! { <td class=cell.class>{content}</td> })
                            }
                        }).collect_view()}
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
    }
}
