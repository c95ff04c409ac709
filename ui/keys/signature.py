"""A small pad the borrower signs on with a mouse, a pen or a finger; saved as PNG bytes."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QEvent, QIODevice, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QImage, QMouseEvent, QPainter, QPainterPath, QPen, QTabletEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from ui.widgets.retranslate import Retranslating


class SignatureCanvas(QWidget):
    """Paints strokes as they are drawn; ``png()`` renders them black on white."""

    sig_changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._strokes: list[list[QPointF]] = []
        self._drawing = False
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents, True)
        self.setMinimumSize(QSize(280, 110))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFixedHeight(120)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    # -- state ----------------------------------------------------------------------------

    def is_empty(self) -> bool:
        return not any(len(s) > 0 for s in self._strokes)

    def clear(self) -> None:
        self._strokes.clear()
        self.update()
        self.sig_changed.emit()

    def stroke_count(self) -> int:
        return len(self._strokes)

    # -- input: mouse, pen (tablet) and touch -------------------------------------------

    def _begin(self, pos: QPointF) -> None:
        self._drawing = True
        self._strokes.append([QPointF(pos)])
        self.update()

    def _extend(self, pos: QPointF) -> None:
        if self._drawing and self._strokes:
            self._strokes[-1].append(QPointF(pos))
            self.update()

    def _end(self) -> None:
        if self._drawing:
            self._drawing = False
            self.sig_changed.emit()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton:
            self._begin(event.position())

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        self._extend(event.position())

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        self._extend(event.position())
        self._end()

    def tabletEvent(self, event: QTabletEvent) -> None:  # noqa: N802
        t = event.type()
        if t == QEvent.Type.TabletPress:
            self._begin(event.position())
        elif t == QEvent.Type.TabletMove:
            self._extend(event.position())
        elif t == QEvent.Type.TabletRelease:
            self._end()
        event.accept()

    def event(self, event: QEvent) -> bool:  # noqa: D102
        t = event.type()
        if t in (QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate, QEvent.Type.TouchEnd):
            points = event.points()
            if points:
                pos = points[0].position()
                if t == QEvent.Type.TouchBegin:
                    self._begin(pos)
                elif t == QEvent.Type.TouchUpdate:
                    self._extend(pos)
                else:
                    self._extend(pos)
                    self._end()
            event.accept()
            return True
        return super().event(event)

    # -- drawing --------------------------------------------------------------------------

    def _paint(self, painter: QPainter, width: float = 2.2) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(QColor("#000000"), width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                   Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        for stroke in self._strokes:
            if len(stroke) == 1:
                painter.drawPoint(stroke[0])
                continue
            path = QPainterPath(stroke[0])
            for p in stroke[1:]:
                path.lineTo(p)
            painter.drawPath(path)

    def paintEvent(self, _event) -> None:  # noqa: ANN001, N802
        p = QPainter(self)
        p.fillRect(self.rect(), QColor("#ffffff"))
        p.setPen(QPen(QColor("#9e9e9e"), 1, Qt.PenStyle.DashLine))
        base = self.height() - 24
        p.drawLine(12, base, self.width() - 12, base)
        p.setPen(QColor("#bdbdbd"))
        p.drawRect(QRectF(0.5, 0.5, self.width() - 1, self.height() - 1))
        self._paint(p)
        p.end()

    def png(self) -> bytes | None:
        """The signature as PNG bytes (None while nothing is drawn)."""
        if self.is_empty():
            return None
        image = QImage(self.size(), QImage.Format.Format_Grayscale8)
        image.fill(QColor("#ffffff"))
        p = QPainter(image)
        self._paint(p)
        p.end()
        data = QByteArray()
        buf = QBuffer(data)
        buf.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buf, "PNG")
        buf.close()
        return bytes(data.data())


class SignaturePad(Retranslating, QWidget):
    """The canvas, a hint and a Clear button."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.canvas = SignatureCanvas(self)
        self.hint = QLabel(self)
        self.hint.setStyleSheet("color: #616161;")
        self.clear_button = QPushButton(self)
        self.clear_button.setObjectName("clear_signature")
        self.clear_button.clicked.connect(self.canvas.clear)
        row = QHBoxLayout()
        row.addWidget(self.hint, 1)
        row.addWidget(self.clear_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.canvas)
        layout.addLayout(row)
        self.retranslate()

    def png(self) -> bytes | None:
        return self.canvas.png()

    def is_empty(self) -> bool:
        return self.canvas.is_empty()

    def clear(self) -> None:
        self.canvas.clear()

    def retranslate(self) -> None:
        self.hint.setText(self.tr("Borrower signs here with the mouse, a pen or a finger"))
        self.clear_button.setText(self.tr("Clear signature"))
